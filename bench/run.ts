// `npm run bench [name...]`: prints figures and ratios against baselines measured in the same run; no thresholds.
// With names (store, upsert, ingest, api, workers, claim, send, bulk, quota, timeline, plan, import-1m, query, inbox, verify) only those run; import-1m (BENCH_ROWS rows, default 1,000,000) runs only when named;
// query (BENCH_QUERY_LEADS leads, default 1,000,000) too; rules (BENCH_RULES_LEADS leads, default 1,000,000) too; sequences (BENCH_SEQUENCE_ENROLLMENTS, default 100,000) too; inbox (a real Dovecot with 10,000 messages) too; browser (Debian Chromium on the fixture site) too; overview (BENCH_OVERVIEW_LEADS leads, default 1,000,000; needs a build) too.
import { benchLeadsApi } from './api-bench';
import { benchBrowser } from './browser';
import { benchBulk } from './bulk-bench';
import { benchClaim } from './claim-bench';
import { benchImport1m } from './import-1m-bench';
import { benchInbox } from './inbox';
import { benchIngest } from './ingest-bench';
import { benchOverview } from './overview';
import { benchPlan } from './plan';
import { benchQuery } from './query-bench';
import { benchRules } from './rules';
import { benchSend } from './send';
import { benchSequences } from './sequences';
import { benchQuota } from './quota';
import { benchStore } from './store-bench';
import { benchTimeline } from './timeline';
import { benchUpsert } from './upsert-bench';
import { benchVerify } from './verify';
import { benchWorkers } from './workers-bench';

const benches: Record<string, () => unknown> = { store: benchStore, upsert: benchUpsert, ingest: benchIngest, api: benchLeadsApi, 'import-1m': benchImport1m, workers: benchWorkers, claim: benchClaim,
  send: benchSend, bulk: benchBulk, query: benchQuery, quota: benchQuota, timeline: benchTimeline, inbox: benchInbox, verify: benchVerify, plan: benchPlan, rules: benchRules, sequences: benchSequences, browser: benchBrowser, overview: benchOverview };

async function main(): Promise<void> {
  console.log(`Outpost benchmarks (node ${process.version}, ${new Date().toISOString()})\n`);
  const named = process.argv.slice(2);
  const unknown = named.filter((name) => !(name in benches));
  if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}`);
  for (const name of named.length > 0 ? named : ['store', 'upsert', 'ingest', 'api', 'workers', 'claim', 'send', 'bulk', 'quota', 'timeline', 'verify', 'plan']) await benches[name]?.();
}

void main();
