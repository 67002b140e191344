import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BulkOperation } from '../../../src/shared/contract/schemas/bulk';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { insertLeads, insertTag, liveLeads, taggedLeads, tagLeads } from '../bulk/seed-leads';

let t: TestCore;
// Ceilings only so a stuck run cannot hang the suite on a loaded machine; nothing asserts on time.
// Fixed batches of 1,000 leads so the progress events can be counted exactly (the default is sized by time).
beforeEach(async () => {
  t = await startTestCore({ bulkBatchSize: 1000 });
}, 60_000);
afterEach(() => t.stop(), 60_000);

const sqlite = () => t.core.services.store.sqlite;
const post = (path: string, body: unknown) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });

async function start(body: unknown): Promise<BulkOperation> {
  const res = await post('/bulk', body);
  expect(res.status).toBe(200);
  return (await res.json()) as BulkOperation;
}

async function settled(id: number): Promise<BulkOperation> {
  for (;;) {
    const op = (await (await t.api(`/api/v1/bulk/${id}`)).json()) as BulkOperation;
    if (op.status !== 'pending' && op.status !== 'running') return op;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** 6,000 leads: the first 5,000 with an email, every third with a phone. */
function seedSixThousand(): number[] {
  return insertLeads(
    sqlite(),
    Array.from({ length: 6000 }, (_, i) => ({
      first_name: `Lead ${i}`,
      ...(i < 5000 ? { email: `lead${i}@example.com` } : {}),
      ...(i % 3 === 0 ? { phone: `+33 1 ${i}` } : {}),
    })),
  );
}

describe('bulk operations over the API', { timeout: 120_000 }, () => {
  it('adds a tag to 5,000 matching leads in batches, with progress events and exact counts', async () => {
    const ids = seedSixThousand();
    const tag = insertTag(sqlite(), 'Campaign');
    const progress: BulkOperation[] = [];
    const changed: string[] = [];
    t.core.services.bus.subscribe((e) => {
      if (e.name === 'bulk.progress') progress.push(e.payload);
      if (e.name === 'leads.changed') changed.push(e.payload.reason);
    });

    const op = await start({ kind: 'add_tag', filter: { hasEmail: 'yes' }, tagId: tag });
    expect(op).toMatchObject({ kind: 'add_tag', status: 'pending', total: 5000, done: 0, tagId: tag, filter: { hasEmail: 'yes' } });
    const done = await settled(op.id);

    expect(done).toMatchObject({ status: 'performed', total: 5000, done: 5000, changed: 5000, error: null });
    expect(taggedLeads(sqlite(), tag)).toEqual(ids.slice(0, 5000));
    const links = sqlite().prepare('SELECT created_by_kind AS kind, count(*) AS n FROM tag_links WHERE tag_id = ? GROUP BY 1').all(tag);
    expect(links).toEqual([{ kind: 'person', n: 5000 }]);
    // One event at start, one per batch of 1,000, one at the end.
    expect(progress.map((p) => [p.status, p.done])).toEqual([
      ['pending', 0],
      ['running', 1000],
      ['running', 2000],
      ['running', 3000],
      ['running', 4000],
      ['running', 5000],
      ['performed', 5000],
    ]);
    expect(changed).toEqual(['bulk']);
    const listed = (await (await t.api('/api/v1/bulk')).json()) as { items: BulkOperation[] };
    expect(listed.items.map((i) => i.id)).toEqual([op.id]);
  });

  it('respects an exclude filter and counts only links it created', async () => {
    const ids = seedSixThousand();
    const vip = insertTag(sqlite(), 'VIP');
    const campaign = insertTag(sqlite(), 'Campaign');
    tagLeads(sqlite(), vip, ids.slice(0, 2000));
    tagLeads(sqlite(), campaign, ids.slice(4000, 4100));

    const op = await start({ kind: 'add_tag', filter: { hasEmail: 'yes', tagsExclude: [vip] }, tagId: campaign });
    expect(op.total).toBe(3000);
    const done = await settled(op.id);
    expect(done).toMatchObject({ status: 'performed', done: 3000, changed: 2900 });
    expect(taggedLeads(sqlite(), campaign)).toEqual(ids.slice(2000, 5000));
  });

  it('removes a tag, keeping the link history with who removed it', async () => {
    const ids = seedSixThousand();
    const tag = insertTag(sqlite(), 'Old');
    tagLeads(sqlite(), tag, ids);

    const op = await start({ kind: 'remove_tag', filter: { tagsInclude: [tag], hasPhone: 'yes' }, tagId: tag });
    expect(op.total).toBe(2000);
    expect(await settled(op.id)).toMatchObject({ status: 'performed', done: 2000, changed: 2000 });
    expect(taggedLeads(sqlite(), tag)).toEqual(ids.filter((_, i) => i % 3 !== 0));
    const history = sqlite()
      .prepare('SELECT count(*) AS n, sum(removed_at IS NOT NULL) AS removed, sum(removed_by_kind = ?) AS byPerson FROM tag_links WHERE tag_id = ?')
      .get('person', tag);
    expect(history).toEqual({ n: 6000, removed: 2000, byPerson: 2000 });
  });

  it('soft-deletes the matching leads, and undo restores exactly those', async () => {
    const ids = seedSixThousand();
    const deletedBefore = ids[3];
    sqlite().prepare('UPDATE leads SET deleted_at = 1 WHERE id = ?').run(deletedBefore);

    const op = await start({ kind: 'delete', filter: { hasPhone: 'yes' } });
    expect(op.total).toBe(1999);
    expect(await settled(op.id)).toMatchObject({ status: 'performed', done: 1999, changed: 1999 });
    const expectedLive = ids.filter((id, i) => i % 3 !== 0 && id !== deletedBefore);
    expect(liveLeads(sqlite())).toEqual(expectedLive);
    expect((await (await t.api('/api/v1/leads')).json()).total).toBe(expectedLive.length);

    const undone = await post(`/bulk/${op.id}/undo`, {});
    expect(undone.status).toBe(200);
    expect((await undone.json()).undoneAt).not.toBeNull();
    expect(liveLeads(sqlite())).toEqual(ids.filter((id) => id !== deletedBefore));
    expect((await post(`/bulk/${op.id}/undo`, {})).status).toBe(409);
  });

  it('cancels midway: the batch in flight completes, the rest is left alone, and undo reverts the part done', async () => {
    const ids = seedSixThousand();
    const tag = insertTag(sqlite(), 'Half');
    // Canceled from inside the first progress event: the loop sees it before its next batch, so exactly one batch ran.
    const unsubscribe = t.core.services.bus.subscribe((e) => {
      if (e.name === 'bulk.progress' && e.payload.status === 'running') void t.core.handlers['bulk.cancel']({ id: e.payload.id });
    });
    const op = await start({ kind: 'add_tag', filter: {}, tagId: tag });
    const canceled = await settled(op.id);
    unsubscribe();
    expect(canceled).toMatchObject({ status: 'canceled', total: 6000, done: 1000, changed: 1000 });
    expect(taggedLeads(sqlite(), tag)).toEqual(ids.slice(0, 1000));
    expect((await post(`/bulk/${op.id}/cancel`, {})).status).toBe(409);

    const undone = await post(`/bulk/${op.id}/undo`, {});
    expect(undone.status).toBe(200);
    expect(taggedLeads(sqlite(), tag)).toEqual([]);
  });

  it('refuses a missing tag, a tag for the wrong kind, unknown columns and undoing an export, naming the field', async () => {
    const noTag = await post('/bulk', { kind: 'add_tag', filter: {} });
    expect(noTag.status).toBe(400);
    expect((await noTag.json()).error.issues).toEqual([{ path: 'tagId', message: 'required for add_tag' }]);
    const strayTag = await post('/bulk', { kind: 'delete', filter: {}, tagId: 1 });
    expect((await strayTag.json()).error.issues[0].path).toBe('tagId');
    const unknownTag = await post('/bulk', { kind: 'remove_tag', filter: {}, tagId: 999 });
    expect(unknownTag.status).toBe(404);
    const badColumn = await post('/bulk', { kind: 'export', filter: {}, columns: ['email', 'password'] });
    expect(badColumn.status).toBe(400);
    expect((await badColumn.json()).error.issues[0].path).toBe('columns.1');
    const badFilter = await post('/bulk', { kind: 'delete', filter: { hasEmail: 'maybe' } });
    expect((await badFilter.json()).error.issues[0].path).toBe('filter.hasEmail');

    const exported = await start({ kind: 'export', filter: {} });
    await settled(exported.id);
    expect((await post(`/bulk/${exported.id}/undo`, {})).status).toBe(409);
    expect((await t.api('/api/v1/bulk/999')).status).toBe(404);
  });
});
