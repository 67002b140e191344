import { useCallback, useEffect, useRef, useState } from 'react';
import { toError } from './async-state';
import { emptyList, firstPageLoaded, pageAppended, type KeysetList, type KeysetPage } from './keyset-list';

/** Rows per page while scrolling. */
const PAGE_SIZE = 100;

/** Rows per page when a refresh reloads what was already on screen (the list methods' largest page). */
const REFRESH_PAGE_SIZE = 500;

/** A refresh reloads at most this many rows; anything further is dropped and loads again as scrolling reaches it. */
const REFRESH_CAP = 5000;

/** Waits this long after a first page before counting, so a filter typed key by key is counted once, after the rows. */
const COUNT_DELAY_MS = 250;

/** Fetches one page of a list: `after` is the previous page's cursor. */
export type FetchPage<T> = (after: string | undefined, limit: number) => Promise<KeysetPage<T>>;

/** Counts every row matching the list's filter (asked separately: an exact count can take far longer than a page). */
export type FetchCount = () => Promise<number>;

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
 * rows on screen until the new first page arrives. An answer to an older key or an older refresh is ignored. When the
 * first page comes without its total, `fetchCount` is asked shortly after (once per first page or refresh, the older
 * request cancelled); a refresh keeps showing the previous total until the new one arrives.
 */
export function useKeysetList<T extends { id: number }>(key: string, fetchPage: FetchPage<T>, fetchCount: FetchCount): KeysetListState<T> {
  const [list, setList] = useState<KeysetList<T>>(emptyList);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | undefined>();
  const [countRound, setCountRound] = useState(0);
  const generation = useRef(0);
  const busy = useRef(false);
  const latest = useRef(list);
  latest.current = list;
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const countRef = useRef(fetchCount);
  countRef.current = fetchCount;
  const keyRef = useRef(key);
  keyRef.current = key;

  const run = useCallback((work: () => Promise<(current: KeysetList<T>) => KeysetList<T>>, applied?: () => void) => {
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
        applied?.();
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
    (forKey: string, want: number) => {
      let uncounted = false;
      run(
        async () => {
          let fresh = firstPageLoaded(forKey, await fetchRef.current(undefined, Math.min(Math.max(want, PAGE_SIZE), REFRESH_PAGE_SIZE)));
          uncounted = fresh.total === undefined;
          while (fresh.nextCursor !== null && fresh.items.length < Math.min(want, REFRESH_CAP)) {
            fresh = pageAppended(fresh, await fetchRef.current(fresh.nextCursor, REFRESH_PAGE_SIZE));
          }
          return (current) => (uncounted && current.key === forKey ? { ...fresh, total: current.total } : fresh);
        },
        () => uncounted && setCountRound((round) => round + 1),
      );
    },
    [run],
  );

  useEffect(() => {
    const count = countRef.current;
    if (countRound === 0) return;
    const forKey = keyRef.current;
    let live = true;
    const timer = setTimeout(() => {
      count().then(
        (total) => live && setList((current) => (current.key === forKey ? { ...current, total } : current)),
        (thrown: unknown) => live && setError(toError(thrown)),
      );
    }, COUNT_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [countRound]);

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
