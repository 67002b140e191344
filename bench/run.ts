// `npm run bench [name...]`: prints figures and ratios against baselines measured in the same run; no thresholds.
// With names (store, upsert, ingest, api, workers, bulk, import-1m, query) only those run; import-1m (BENCH_ROWS rows, default 1,000,000) runs only when named;
// query (BENCH_QUERY_LEADS leads, default 1,000,000) too.
import { benchLeadsApi } from './api-bench';
import { benchBulk } from './bulk-bench';
import { benchImport1m } from './import-1m-bench';
import { benchIngest } from './ingest-bench';
import { benchQuery } from './query-bench';
import { benchStore } from './store-bench';
import { benchUpsert } from './upsert-bench';
import { benchWorkers } from './workers-bench';

const benches: Record<string, () => unknown> = { store: benchStore, upsert: benchUpsert, ingest: benchIngest, api: benchLeadsApi, 'import-1m': benchImport1m, workers: benchWorkers, bulk: benchBulk, query: benchQuery };

async function main(): Promise<void> {
  console.log(`Outpost benchmarks (node ${process.version}, ${new Date().toISOString()})\n`);
  const named = process.argv.slice(2);
  const unknown = named.filter((name) => !(name in benches));
  if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}`);
  for (const name of named.length > 0 ? named : ['store', 'upsert', 'ingest', 'api', 'workers', 'bulk']) await benches[name]?.();
}

void main();
