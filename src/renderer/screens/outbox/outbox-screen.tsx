import { useState } from 'react';
import type { WaitReason } from '../../../shared/contract/schemas/outbox';
import { Panel } from '../../components/panel';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { CapacityCalendar } from './capacity-calendar';
import { ConnectivityBanner } from './connectivity-banner';
import { reasonOrder, reasonWords } from './reason-words';
import { useOutbox } from './use-outbox';
import { WaitingTable } from './waiting-table';
import './outbox.css';

const CALENDAR_DAYS = 14;
const LIVE_EVENTS = ['work.changed', 'outreach.changed', 'profiles.state', 'connectivity.changed', 'quotas.changed'] as const;

/** The Outbox area: every waiting item with why it waits and when it should run, the capacity calendar, and the offline banner. */
export function OutboxScreen() {
  const [reason, setReason] = useState<WaitReason | undefined>();
  const [profileId, setProfileId] = useState<number | undefined>();
  const outbox = useOutbox(reason, profileId);
  const profiles = useAsync(() => call('profiles.list', {}), []);
  const capacity = useAsync(() => call('work.capacity', { from: new Date().toISOString(), days: CALENDAR_DAYS }), []);
  useLiveRefresh(LIVE_EVENTS, () => {
    outbox.reload();
    capacity.reload();
  }, 2000);

  return (
    <Screen title="Outbox">
      <div className="panel-stack">
        <ConnectivityBanner />
        <Panel title="Waiting">
          <div className="toolbar outbox-filters">
            <label>
              Reason{' '}
              <select value={reason ?? ''} onChange={(e) => setReason(e.target.value === '' ? undefined : (e.target.value as WaitReason))}>
                <option value="">Any reason</option>
                {reasonOrder.map((r) => (
                  <option key={r} value={r}>
                    {reasonWords[r]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Profile{' '}
              <select value={profileId ?? ''} onChange={(e) => setProfileId(e.target.value === '' ? undefined : Number(e.target.value))}>
                <option value="">Any profile</option>
                {(profiles.data?.items ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {outbox.error && (
            <div className="notice notice-error" role="alert">
              <p>Could not load the outbox: {outbox.error.message}</p>
              <button type="button" className="button" onClick={outbox.reload}>
                Try again
              </button>
            </div>
          )}
          <WaitingTable items={outbox.items} />
          {outbox.hasMore && (
            <div className="button-row">
              <button type="button" className="button" onClick={outbox.more} disabled={outbox.loading}>
                Load more
              </button>
            </div>
          )}
        </Panel>
        <Panel title="Capacity, next two weeks">
          <CapacityCalendar state={capacity} />
        </Panel>
      </div>
    </Screen>
  );
}
