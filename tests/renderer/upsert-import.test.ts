import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/shared/contract/schemas/imports';
import { applyUpdates, upsertImport } from '../../src/renderer/screens/imports/upsert-import';

const summary = (id: number, status: ImportSummary['status'] = 'importing'): ImportSummary => ({
  id,
  fileName: `file-${id}.csv`,
  status,
  rowsStaged: 10,
  inserted: 0,
  merged: 0,
  duplicate: 0,
  rejected: 0,
  error: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
});

describe('upsertImport', () => {
  it('replaces the import with the same id in place', () => {
    const items = [summary(3), summary(2), summary(1)];
    expect(upsertImport(items, summary(2, 'done')).map((i) => [i.id, i.status])).toEqual([
      [3, 'importing'],
      [2, 'done'],
      [1, 'importing'],
    ]);
  });

  it('adds a new import, newest first', () => {
    expect(upsertImport([summary(2), summary(1)], summary(3)).map((i) => i.id)).toEqual([3, 2, 1]);
  });
});

describe('applyUpdates', () => {
  it('applies updates on top of the loaded list', () => {
    const result = applyUpdates([summary(1)], [summary(2), summary(1, 'done')]);
    expect(result.map((i) => [i.id, i.status])).toEqual([
      [2, 'importing'],
      [1, 'done'],
    ]);
  });
});
