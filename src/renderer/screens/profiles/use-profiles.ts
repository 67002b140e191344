import { useEffect, useMemo, useState } from 'react';
import type { ProfileRecord, ProfileView } from '../../../shared/contract/schemas/profiles';
import type { ProfileQuotaUsage } from '../../../shared/contract/schemas/quotas';
import type { AsyncState } from '../../lib/async-state';
import { call, on } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';

// Worker memory arrives with heartbeats, which send no event: refresh while some worker runs.
const WORKER_REFRESH_MS = 5_000;

/** The profiles with live state (profiles.state events applied at once, the list reloaded shortly after) and their quota usage. */
export interface ProfilesData {
  readonly profiles: AsyncState<readonly ProfileRecord[]>;
  readonly usage: AsyncState<ReadonlyMap<number, ProfileQuotaUsage>>;
}

/** Loads profiles and quotas and keeps them live. */
export function useProfiles(): ProfilesData {
  const list = useAsync(() => call('profiles.list', {}).then((r) => r.items), []);
  const usage = useAsync(() => call('quotas.usage', {}).then((r) => new Map(r.items.map((u) => [u.profileId, u]))), []);
  const [live, setLive] = useState<ReadonlyMap<number, ProfileView>>(new Map());

  useEffect(() => on('profiles.state', (view) => setLive((m) => new Map(m).set(view.id, view))), []);
  // A reloaded list is newer than the events before it.
  useEffect(() => setLive(new Map()), [list.data]);
  useLiveRefresh(['profiles.state'], list.reload);
  useLiveRefresh(['quotas.changed'], usage.reload);

  const running = list.data?.some((p) => p.worker !== null) ?? false;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(list.reload, WORKER_REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, list.reload]);

  const data = useMemo(() => list.data?.map((p) => ({ ...p, ...live.get(p.id) })), [list.data, live]);
  return { profiles: { ...list, data }, usage };
}
