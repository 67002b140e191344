import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BulkRunner } from '../../../src/main/bulk/bulk-runner';
import { BulkUndo } from '../../../src/main/bulk/undo-bulk';
import { BulkRepo } from '../../../src/main/store/repos/bulk-repo';
import { openStore } from '../../../src/main/store/store';
import type { BulkKind } from '../../../src/shared/contract/schemas/bulk';
import type { LeadFilter } from '../../../src/shared/contract/schemas/lead-filter';
import { tempDir } from '../../helpers/temp-dir';
import { insertLeads, insertTag, liveLeads, taggedLeads, tagLeads } from './seed-leads';

function bulkStore() {
  const store = openStore(join(tempDir(), 'outpost.db'));
  onTestFinished(() => store.close());
  let clock = 1_000;
  const now = () => (clock += 1_000);
  const sqlite = store.sqlite;
  const repo = new BulkRepo(sqlite, now);
  const runner = new BulkRunner(sqlite, now);
  return {
    sqlite,
    undo: new BulkUndo(sqlite, now),
    /** Runs an operation to its end in batches of 7. */
    run(kind: Exclude<BulkKind, 'export'>, filter: LeadFilter, tagId?: number) {
      const op = repo.create({ kind, filter, tagId, total: 0, maxId: 1_000_000 });
      while (runner.runBatch(op.id, 7) === 'more');
      return repo.get(op.id) ?? op;
    },
  };
}

describe('undoing a bulk operation', () => {
  it('brings back the very tag links a remove_tag removed, unless the lead was tagged again since', async () => {
    const b = bulkStore();
    const ids = insertLeads(b.sqlite, Array.from({ length: 20 }, (_, i) => ({ email: `u${i}@x.io` })));
    const tag = insertTag(b.sqlite, 'T');
    tagLeads(b.sqlite, tag, ids);
    const linkIds = () => b.sqlite.prepare('SELECT id FROM tag_links WHERE removed_at IS NULL ORDER BY id').all();
    const before = linkIds();

    const op = b.run('remove_tag', { tagsInclude: [tag] }, tag);
    expect(op).toMatchObject({ status: 'performed', done: 20, changed: 20 });
    expect(taggedLeads(b.sqlite, tag)).toEqual([]);
    tagLeads(b.sqlite, tag, ids.slice(0, 1));

    await b.undo.undoAll(op.id, 'remove_tag', 3);
    expect(taggedLeads(b.sqlite, tag)).toEqual(ids);
    expect(linkIds()).toHaveLength(20);
    expect(linkIds().slice(0, 19)).toEqual(before.slice(1));
  });

  it('removes only the links an add_tag created, leaving links that were there before', async () => {
    const b = bulkStore();
    const ids = insertLeads(b.sqlite, Array.from({ length: 10 }, (_, i) => ({ email: `a${i}@x.io` })));
    const tag = insertTag(b.sqlite, 'T');
    tagLeads(b.sqlite, tag, ids.slice(0, 4));

    const op = b.run('add_tag', {}, tag);
    expect(op).toMatchObject({ done: 10, changed: 6 });
    await b.undo.undoAll(op.id, 'add_tag');
    expect(taggedLeads(b.sqlite, tag)).toEqual(ids.slice(0, 4));
    expect(b.sqlite.prepare("SELECT count(*) AS n FROM tag_links WHERE removed_by_kind = 'person'").get()).toEqual({ n: 6 });
  });

  it('restores the leads a delete removed, except one whose email a live lead took meanwhile', async () => {
    const b = bulkStore();
    const ids = insertLeads(b.sqlite, Array.from({ length: 10 }, (_, i) => ({ email: `d${i}@x.io`, country: i < 5 ? 'France' : 'Spain' })));
    const op = b.run('delete', { countries: ['france'] });
    expect(op).toMatchObject({ done: 5, changed: 5 });
    expect(liveLeads(b.sqlite)).toEqual(ids.slice(5));
    const [taker] = insertLeads(b.sqlite, [{ email: 'd0@x.io' }]);

    await b.undo.undoAll(op.id, 'delete', 2);
    expect(liveLeads(b.sqlite)).toEqual([...ids.slice(1), taker]);
    // Running it again (as after a crash mid-undo) changes nothing more.
    await b.undo.undoAll(op.id, 'delete');
    expect(liveLeads(b.sqlite)).toEqual([...ids.slice(1), taker]);
  });
});
