import { useCallback, useEffect, useRef, useState } from 'react';
import { toError } from './async-state';
import { emptyList, firstPageLoaded, pageAppended, type KeysetList, type KeysetPage } from './keyset-list';

/** Rows per page while scrolling. */
const PAGE_SIZE = 100;

/** Rows per page when a refresh reloads what was already on screen (the list methods' largest page). */
const REFRESH_PAGE_SIZE = 500;

/** A refresh reloads at most this many rows; anything further is dropped and loads again as scrolling reaches it. */
const REFRESH_CAP = 5000;

/** Fetches one page of a list: `after` is the previous page's cursor. */
export type FetchPage<T> = (after: string | undefined, limit: number) => Promise<KeysetPage<T>>;

/** The rows loaded so far, and how to load more or reload. */
export interface KeysetListState<T> {
  readonly list: KeysetList<T>;
  readonly loading: boolean;
  readonly error: Error | undefined;
  readonly loadMore: () => void;
  /** Reloads the rows already loaded (up to a cap) and swaps them in at once, so the table does not flash. */
  readonly refresh: () => void;
}

/**
 * Loads a list page by page with keyset cursors; starts over whenever `key` (the filter and sort) changes, keeping the old
 * rows on screen until the new first page arrives. An answer to an older key or an older refresh is ignored.
 */
export function useKeysetList<T extends { id: number }>(key: string, fetchPage: FetchPage<T>): KeysetListState<T> {
  const [list, setList] = useState<KeysetList<T>>(emptyList);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | undefined>();
  const generation = useRef(0);
  const busy = useRef(false);
  const latest = useRef(list);
  latest.current = list;
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyRef = useRef(key);
  keyRef.current = key;

  const run = useCallback((work: () => Promise<(current: KeysetList<T>) => KeysetList<T>>) => {
    const mine = generation.current;
    busy.current = true;
    setLoading(true);
    work().then(
      (update) => {
        if (mine !== generation.current) return;
        busy.current = false;
        setError(undefined);
        setLoading(false);
        setList(update);
      },
      (thrown: unknown) => {
        if (mine !== generation.current) return;
        busy.current = false;
        setError(toError(thrown));
        setLoading(false);
      },
    );
  }, []);

  const reloadLoaded = useCallback(
    (forKey: string, want: number) =>
      run(async () => {
        let fresh = firstPageLoaded(forKey, await fetchRef.current(undefined, Math.min(Math.max(want, PAGE_SIZE), REFRESH_PAGE_SIZE)));
        while (fresh.nextCursor !== null && fresh.items.length < Math.min(want, REFRESH_CAP)) {
          fresh = pageAppended(fresh, await fetchRef.current(fresh.nextCursor, REFRESH_PAGE_SIZE));
        }
        return () => fresh;
      }),
    [run],
  );

  useEffect(() => {
    generation.current += 1;
    reloadLoaded(key, PAGE_SIZE);
  }, [key, reloadLoaded]);

  const loadMore = useCallback(() => {
    const cursor = latest.current.nextCursor;
    if (busy.current || cursor === null) return;
    run(async () => {
      const page = await fetchRef.current(cursor, PAGE_SIZE);
      return (current) => pageAppended(current, page);
    });
  }, [run]);

  const refresh = useCallback(() => {
    generation.current += 1;
    reloadLoaded(keyRef.current, latest.current.items.length);
  }, [reloadLoaded]);

  return { list, loading, error, loadMore, refresh };
}
