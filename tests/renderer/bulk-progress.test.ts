import { describe, expect, it } from 'vitest';
import type { BulkOperation } from '../../src/shared/contract/schemas/bulk';
import { describeBulk, latestOf } from '../../src/renderer/screens/leads/bulk-progress';

const op = (over: Partial<BulkOperation>): BulkOperation => ({
  id: 1,
  kind: 'add_tag',
  status: 'running',
  filter: {},
  tagId: 3,
  total: 3000,
  done: 0,
  changed: 0,
  exportId: null,
  downloadPath: null,
  error: null,
  createdAt: '2025-03-12T10:00:00.000Z',
  finishedAt: null,
  undoneAt: null,
  ...over,
});

describe('bulk progress', () => {
  it('keeps the snapshot furthest along whatever order they arrive in', () => {
    const early = op({ status: 'pending' });
    const middle = op({ done: 1200 });
    const done = op({ status: 'performed', done: 3000, changed: 2990 });
    expect(latestOf(done, middle)).toBe(done);
    expect(latestOf(middle, early)).toBe(middle);
    expect(latestOf(early, middle)).toBe(middle);
    expect(latestOf(undefined, early)).toBe(early);
    const undone = op({ status: 'performed', done: 3000, undoneAt: '2025-03-12T10:05:00.000Z' });
    expect(latestOf(undone, done)).toBe(undone);
    expect(latestOf(done, undone)).toBe(undone);
  });

  it('takes a different operation as the new one', () => {
    const other = op({ id: 2, status: 'pending' });
    expect(latestOf(op({ status: 'performed' }), other)).toBe(other);
  });

  it('says where an operation stands', () => {
    expect(describeBulk(op({ done: 1200 }))).toBe(`Adding the tag: ${(1200).toLocaleString()} of ${(3000).toLocaleString()} leads`);
    expect(describeBulk(op({ kind: 'export', status: 'performed', done: 3000 }))).toBe(`Exported: ${(3000).toLocaleString()} leads`);
    expect(describeBulk(op({ status: 'failed', error: 'disk full' }))).toBe('Failed: disk full');
    expect(describeBulk(op({ status: 'performed', undoneAt: '2025-03-12T10:05:00.000Z' }))).toBe('Tag added, then undone');
  });
});
