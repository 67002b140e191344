// `npm run bench`: prints figures and ratios against baselines measured in the same run; no thresholds.
import { benchLeadsApi } from './api-bench';
import { benchIngest } from './ingest-bench';
import { benchStore } from './store-bench';
import { benchUpsert } from './upsert-bench';

async function main(): Promise<void> {
  console.log(`Outpost benchmarks (node ${process.version}, ${new Date().toISOString()})\n`);
  benchStore();
  benchUpsert();
  await benchIngest();
  await benchLeadsApi();
}

void main();
