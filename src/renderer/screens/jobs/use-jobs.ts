import { useCallback, useEffect, useState } from 'react';
import type { Job } from '../../../shared/contract/schemas/sources';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';

/** Filters of the Jobs screen. */
export interface JobFilters {
  readonly sourceId?: number | undefined;
  readonly profileId?: number | undefined;
  readonly status?: Job['status'] | undefined;
}

const defined = (filters: JobFilters) => Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as JobFilters;

/** Jobs matching the filters, newest first, a page at a time. */
export function useJobs(filters: JobFilters) {
  const [items, setItems] = useState<Job[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(defined(filters));

  const load = useCallback(
    (beforeId?: number) => {
      setLoading(true);
      call('jobs.list', { ...defined(filters), ...(beforeId ? { beforeId } : {}) })
        .then((page) => {
          setItems((old) => (beforeId ? [...old, ...page.items] : page.items));
          setNext(page.nextBeforeId);
          setError(undefined);
        })
        .catch((e: unknown) => setError(toError(e)))
        .finally(() => setLoading(false));
    },
    // The filters' JSON says when they really changed.
    [key],
  );

  useEffect(() => load(), [load]);
  return { items, error, loading, hasMore: next !== null, reload: () => load(), more: () => next !== null && load(next) };
}
