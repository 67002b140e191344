import { useCallback } from 'react';
import type { KeysetPage } from './keyset-list';
import { compactFilter, type ListView } from './list-hash';
import { useKeysetList, type KeysetListState } from './use-keyset-list';

/** What a list method takes: the filter, the sort, a page size, the cursor to continue from, and no total (counted apart). */
export interface ListInput<F, S> {
  readonly filter: Partial<F>;
  readonly sort: S;
  readonly limit: number;
  readonly after?: string;
  readonly total: 'none';
}

/**
 * The rows matching a view, loaded page by page; a new filter or sort starts over from the first page. Pages come
 * without their total (the slow part on large lists); `count` is asked for it separately.
 */
export function useListRows<T extends { id: number }, F extends object, S>(
  view: ListView<F, S>,
  fetch: (input: ListInput<F, S>) => Promise<KeysetPage<T>>,
  count: (input: { filter: Partial<F> }) => Promise<{ total: number }>,
): KeysetListState<T> {
  const filter = compactFilter(view.filter);
  const key = JSON.stringify([filter, view.sort]);
  const fetchPage = useCallback(
    (after: string | undefined, limit: number) => fetch({ filter, sort: view.sort, limit, total: 'none', ...(after === undefined ? {} : { after }) }),
    // `key` holds the filter and sort by value; the objects themselves are new on every render.
    [key],
  );
  const fetchCount = useCallback(async () => (await count({ filter })).total, [key]);
  return useKeysetList(key, fetchPage, fetchCount);
}
