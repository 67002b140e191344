import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../src/main/core';
import type { BulkOperation } from '../../../src/shared/contract/schemas/bulk';
import { tempDir } from '../../helpers/temp-dir';
import { insertLeads, insertTag, taggedLeads } from './seed-leads';

const BATCH = 100;

const start = (dataDir: string) =>
  startCore({ edition: 'browser', dataDir, port: 0, dashboardDir: join(dataDir, 'no-dashboard'), logger: pino({ level: 'silent' }), bulkBatchSize: BATCH });

/** Stops the core from inside the progress event after `batches` batches (the loop sees the stop before its next batch); resolves with that event. */
function stopAfter(core: Core, batches: number): Promise<BulkOperation> {
  return new Promise((resolve) => {
    core.services.bus.subscribe((e) => {
      if (e.name === 'bulk.progress' && e.payload.done === batches * BATCH && e.payload.status === 'running') {
        const last = e.payload;
        void core.stop().then(() => resolve(last));
      }
    });
  });
}

async function settled(core: Core, id: number): Promise<BulkOperation> {
  for (;;) {
    const op = await core.handlers['bulk.get']({ id });
    if (op.status !== 'pending' && op.status !== 'running') return op;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a bulk operation interrupted by a stop or a crash', { timeout: 120_000 }, () => {
  it('continues on the next start from its cursor, never tagging a lead twice', async () => {
    const dataDir = tempDir('outpost-bulk-resume-');
    const first = await start(dataDir);
    const ids = insertLeads(first.services.store.sqlite, Array.from({ length: 1000 }, (_, i) => ({ email: `p${i}@example.com` })));
    const tag = insertTag(first.services.store.sqlite, 'Resume');
    const stopped = stopAfter(first, 3);
    const op = await first.handlers['bulk.start']({ kind: 'add_tag', filter: {}, tagId: tag });
    expect(await stopped).toMatchObject({ id: op.id, status: 'running', done: 300 });

    const second = await start(dataDir);
    try {
      const done = await settled(second, op.id);
      expect(done).toMatchObject({ status: 'performed', total: 1000, done: 1000, changed: 1000 });
      const sqlite = second.services.store.sqlite;
      expect(taggedLeads(sqlite, tag)).toEqual(ids);
      expect(sqlite.prepare('SELECT count(*) AS n FROM tag_links WHERE tag_id = ?').get(tag)).toEqual({ n: 1000 });
      expect(sqlite.prepare('SELECT count(*) AS n FROM bulk_operation_items WHERE operation_id = ?').get(op.id)).toEqual({ n: 1000 });
    } finally {
      await second.stop();
    }
  });

  it('drops export rows written after the last committed batch, so the file holds every lead exactly once', async () => {
    const dataDir = tempDir('outpost-bulk-resume-');
    const first = await start(dataDir);
    const ids = insertLeads(first.services.store.sqlite, Array.from({ length: 1000 }, (_, i) => ({ first_name: `Ünïcode, "${i}"`, email: `e${i}@example.com` })));
    const stopped = stopAfter(first, 4);
    const op = await first.handlers['bulk.start']({ kind: 'export', filter: {}, columns: ['id', 'firstName'] });
    const record = first.services.bulk.exportFile(op.exportId ?? 0);
    if (!record) throw new Error('the export has no file record');
    expect(await stopped).toMatchObject({ status: 'running', done: 400 });
    // A crash after a batch reached the file but before its transaction committed leaves rows the cursor does not cover.
    appendFileSync(record.path, '9999,"half-written\r\n');

    const second = await start(dataDir);
    try {
      expect(await settled(second, op.id)).toMatchObject({ status: 'performed', done: 1000 });
      const text = readFileSync(record.path, 'utf8');
      expect(text.startsWith('\uFEFFID,First Name\r\n')).toBe(true);
      const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.data.slice(1)).toEqual(ids.map((id, i) => [String(id), `Ünïcode, "${i}"`]));
    } finally {
      await second.stop();
    }
  });
});
