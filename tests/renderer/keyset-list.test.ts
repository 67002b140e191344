import { describe, expect, it } from 'vitest';
import { emptyList, firstPageLoaded, pageAppended } from '../../src/renderer/lib/keyset-list';

const rows = (...ids: number[]) => ids.map((id) => ({ id }));

describe('keyset list', () => {
  it('takes the total from the first page and keeps it while appending', () => {
    const first = firstPageLoaded('k', { items: rows(1, 2), nextCursor: 'c1', total: 5 });
    const second = pageAppended(first, { items: rows(3, 4), nextCursor: 'c2', total: null });
    expect(second).toEqual({ key: 'k', items: rows(1, 2, 3, 4), nextCursor: 'c2', total: 5 });
  });

  it('does not repeat a row an edit moved past the cursor', () => {
    const first = firstPageLoaded('k', { items: rows(1, 2, 3), nextCursor: 'c1', total: 4 });
    expect(pageAppended(first, { items: rows(2, 4), nextCursor: null }).items).toEqual(rows(1, 2, 3, 4));
  });

  it('counts the rows of a one-page list without a total', () => {
    expect(firstPageLoaded('k', { items: rows(1), nextCursor: null }).total).toBe(1);
    expect(emptyList().total).toBeUndefined();
  });
});
