import type { AsyncState } from '../../lib/async-state';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';

const LIVE_EVENTS = ['leads.changed', 'tags.changed'] as const;

/** Loads one record and loads it again whenever leads or tags change anywhere (an import, a rule, another window). */
export function useLiveRecord<T>(load: () => Promise<T>, id: number): AsyncState<T> {
  const record = useAsync(load, [id]);
  useLiveRefresh(LIVE_EVENTS, record.reload);
  return record;
}
