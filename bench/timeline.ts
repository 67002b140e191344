import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openStore } from '../src/main/store/store';
import { Timeline } from '../src/main/timeline/timeline';
import { TimelineStepper } from '../src/main/timeline/timeline-stepper';
import { report } from './measure';

const T0 = Date.UTC(2026, 0, 1);
const DAY_MS = 24 * 3_600_000;
// 100,000 finished rows: the mix a busy day of scraping and sending leaves behind, finishing through the day
const MIX = { jobs: 25_000, enrichments: 10_000, sent: 40_000, received: 10_000, tracking: 15_000 };
const ROWS = Object.values(MIX).reduce((a, b) => a + b, 0);

const numbers = (n: number) => `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})`;
// the i-th of n rows of day `day` finishes at its share of the day, give or take 10 minutes
const at = (n: number, day: number) => `${T0 + day * DAY_MS} + i * ${Math.floor(DAY_MS / n)} + abs(random()) % 600000`;

function seed(db: Database): void {
  db.exec(`
${numbers(20)} INSERT INTO profiles (profile_type_id, name, created_at, updated_at) SELECT 1, 'p' || i, 0, 0 FROM n;
${numbers(20)} INSERT INTO sources (source_type_id, name, cadence_seconds, created_at, updated_at) SELECT 4, 's' || i, 3600, 0, 0 FROM n;
INSERT INTO source_urls (source_id, url, url_norm, next_run_at, created_at, updated_at) SELECT id, 'https://x.test/' || id, 'x.test/' || id, 0, 0, 0 FROM sources;
${numbers(10)} INSERT INTO rules (name, trigger_kind, action_kind, outreach_type_id, created_at, updated_at) SELECT 'r' || i, 'lead_created', 'outreach', 1, 0, 0 FROM n;
${numbers(2000)} INSERT INTO leads (created_at, updated_at) SELECT 0, 0 FROM n;
INSERT INTO rule_instances (rule_id, target_kind, target_id, due_at, created_at, updated_at) SELECT 1 + id % 10, 'lead', id, 0, 0, 0 FROM leads;
`);
}

function addFinishedRows(db: Database, day: number): void {
  const tag = `d${day}`;
  db.exec(`
${numbers(MIX.jobs)} INSERT INTO jobs (source_id, source_url_id, url, profile_id, status, finished_at, events_seen, events_new, leads_new, companies_new, due_at, created_at, updated_at)
  SELECT 1 + i % 20, 1 + i % 20, 'u', 1 + i % 20, 'performed', ${at(MIX.jobs, day)}, i % 7, i % 5, i % 3, i % 2, 0, 0, 0 FROM n;
${numbers(MIX.enrichments)} INSERT INTO enrichments (enrichment_type_id, lead_id, profile_id, rule_instance_id, idempotency_key, status, hit, finished_at, due_at, created_at, updated_at)
  SELECT 1, 1 + i % 2000, 1 + i % 20, 1 + i % 2000, '${tag}e' || i, 'performed', i % 2, ${at(MIX.enrichments, day)}, 0, 0, 0 FROM n;
${numbers(MIX.sent)} INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, rule_instance_id, approval, idempotency_key, status, occurred_at, finished_at, due_at, created_at, updated_at)
  SELECT 1, 'outgoing', 1 + i % 2000, 1 + i % 20, 1 + i % 2000, 'auto', '${tag}o' || i, 'performed', ${at(MIX.sent, day)}, ${at(MIX.sent, day)}, 0, 0, 0 FROM n;
${numbers(MIX.received)} INSERT INTO outreach (outreach_type_id, direction, incoming_kind, lead_id, parent_outreach_id, occurred_at, due_at, created_at, updated_at)
  SELECT 1, 'incoming', CASE i % 3 WHEN 0 THEN 'reply' WHEN 1 THEN 'hard_bounce' ELSE 'auto_reply' END, 1 + i % 2000,
    (SELECT max(id) FROM outreach) - i, ${at(MIX.received, day)}, 0, 0, 0 FROM n;
INSERT INTO tracking_links (outreach_id, token, kind, url, created_at) SELECT id, '${tag}t' || id, 'open', NULL, 0 FROM outreach WHERE direction = 'outgoing' ORDER BY id DESC LIMIT 1000;
${numbers(MIX.tracking)} INSERT INTO tracking_events (tracking_link_id, occurred_at) SELECT (SELECT max(id) FROM tracking_links) - i % 1000, ${at(MIX.tracking, day)} FROM n;
`);
}

const timed = (fn: () => void): number => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/** A fold in the loop's ~50 ms transactions, as the running app does it. */
function foldInLoopBatches(timeline: Timeline): void {
  const stepper = new TimelineStepper(timeline);
  while (stepper.next().more);
}

/** Timeline: folding 100,000 new finished rows (one transaction, and ~50 ms batches) and a full rebuild, against a raw GROUP BY. */
export async function benchTimeline(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-timeline-'));
  const store = openStore(join(dir, 'outpost.sqlite'));
  try {
    const db = store.sqlite;
    seed(db);
    const timeline = new Timeline(db, () => Date.now());
    addFinishedRows(db, 0);
    // the raw baseline: one INSERT ... SELECT ... GROUP BY per table into the hour of the 'all' dimension, no marks
    db.exec('CREATE TEMP TABLE raw_buckets (table_name TEXT, bucket_at INTEGER, value INTEGER)');
    const raw = timed(() =>
      db.transaction(() => {
        for (const [table, column] of [['jobs', 'finished_at'], ['enrichments', 'finished_at'], ['outreach', 'coalesce(occurred_at, finished_at)'], ['tracking_events', 'occurred_at']]) {
          db.exec(`INSERT INTO raw_buckets SELECT '${table}', ${column} / 3600000 * 3600000, count(*) FROM ${table} GROUP BY 2`);
        }
      })(),
    );
    report(`raw INSERT…SELECT GROUP BY over ${ROWS} rows`, raw, 'ms');
    const oneTx = timed(() => timeline.step(ROWS + 1));
    report(`fold ${ROWS} new rows, one transaction`, oneTx, 'ms', { name: 'raw', value: raw });
    report('  rows/s', ROWS / (oneTx / 1000), 'rows/s');
    const buckets = db.prepare('SELECT count(*) FROM timeline_buckets').pluck().get() as number;
    report('  buckets written', buckets, 'rows');

    addFinishedRows(db, 1);
    const batched = timed(() => foldInLoopBatches(timeline));
    report(`fold ${ROWS} new rows, ~50 ms transactions`, batched, 'ms', { name: 'raw', value: raw });

    const rebuild = timed(() => {
      timeline.requestRebuild();
      foldInLoopBatches(timeline);
    });
    report(`full rebuild (${2 * ROWS} rows), ~50 ms transactions`, rebuild, 'ms', { name: 'raw', value: raw });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
