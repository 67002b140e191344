import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startCore, type Core } from '../src/main/core';
import type { BulkOperation } from '../src/shared/contract/schemas/bulk';
import { fakeLeadRows } from './fake-leads';
import { medianAsyncMs, medianMs, report } from './measure';

const LEADS = 200_000;

/** Runs one operation through the bulk loop; returns ms from its first batch to its end, and API latencies sampled meanwhile. */
async function timed(core: Core, input: Parameters<Core['handlers']['bulk.start']>[0]): Promise<{ ms: number; latencies: number[] }> {
  const headers = { authorization: `Bearer ${core.firstApiKey}` };
  let firstBatch = 0;
  const finished = new Promise<number>((resolve) => {
    const unsubscribe = core.services.bus.subscribe((e) => {
      if (e.name !== 'bulk.progress') return;
      if (e.payload.status === 'running' && firstBatch === 0) firstBatch = performance.now();
      if (e.payload.status !== 'pending' && e.payload.status !== 'running') {
        unsubscribe();
        resolve(performance.now());
      }
    });
  });
  const op: BulkOperation = await core.handlers['bulk.start'](input);
  const latencies: number[] = [];
  let end: number | undefined;
  void finished.then((at) => (end = at));
  while (end === undefined) {
    const start = performance.now();
    await (await fetch(`${core.http.origin}/api/v1/bulk/${op.id}`, { headers })).json();
    if (firstBatch !== 0 && end === undefined) latencies.push(performance.now() - start);
  }
  return { ms: end - firstBatch, latencies };
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Bulk tag and CSV export over 200k leads through the loop, against one raw SQL statement; API latency while they run. */
export async function benchBulk(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-bench-bulk-'));
  const core = await startCore({ edition: 'browser', dataDir, port: 0, dashboardDir: join(dataDir, 'none'), logger: pino({ level: 'silent' }) });
  try {
    const db = core.services.store.sqlite;
    const insert = db.prepare('INSERT INTO leads (first_name, last_name, email, email_norm, job_title, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => fakeLeadRows(LEADS).forEach((r) => insert.run(r.first, r.last, r.email, r.email, r.title, r.country, 1, 1)))();
    const tag = (name: string) => Number(db.prepare("INSERT INTO tags (name, color, created_at, updated_at) VALUES (?, '#2457d6', 1, 1)").run(name).lastInsertRowid);

    const rawTag = tag('raw');
    const rawTagging = db.prepare("INSERT INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_at) SELECT ?, 'lead', id, 'person', 1 FROM leads");
    const rawStart = performance.now();
    rawTagging.run(rawTag);
    const raw = performance.now() - rawStart;
    db.prepare('DELETE FROM tag_links WHERE tag_id = ?').run(rawTag);
    report(`raw SQL: tag ${LEADS} leads in one statement`, raw, 'ms');

    const idle = await medianAsyncMs(100, async () => (await fetch(`${core.http.origin}/api/v1/bulk`, { headers: { authorization: `Bearer ${core.firstApiKey}` } })).json());
    report('bulk.get over HTTP, idle', idle, 'ms');

    const bulkTag = tag('bulk');
    const added = await timed(core, { kind: 'add_tag', filter: {}, tagId: bulkTag });
    report(`bulk add_tag ${LEADS} leads (batches of 1,000)`, added.ms, 'ms', { name: 'raw SQL', value: raw });
    report(`  leads per second`, (LEADS / added.ms) * 1000, '/s');
    report(`  bulk.get over HTTP meanwhile (median of ${added.latencies.length})`, median(added.latencies), 'ms', { name: 'idle', value: idle });
    // A tag filter is a subquery over the tag's links that SQLite rebuilds for every batch: the cost grows with the tag's size.
    const removed = await timed(core, { kind: 'remove_tag', filter: { tagsInclude: [bulkTag] }, tagId: bulkTag });
    report(`bulk remove_tag, filter tagsInclude (${LEADS} tagged)`, removed.ms, 'ms', { name: 'add_tag, no filter', value: added.ms });

    const everything = db.prepare('SELECT * FROM leads l LEFT JOIN companies c ON c.id = l.company_id');
    const rawExport = medianMs(1, () => {
      for (const row of everything.iterate()) void row;
    });
    report(`raw SQL: read ${LEADS} leads with companies`, rawExport, 'ms');
    const exported = await timed(core, { kind: 'export', filter: {} });
    report(`bulk export ${LEADS} leads to CSV`, exported.ms, 'ms', { name: 'raw read', value: rawExport });
    report(`  bulk.get over HTTP meanwhile (median of ${exported.latencies.length})`, median(exported.latencies), 'ms', { name: 'idle', value: idle });
  } finally {
    await core.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
