import { AsyncView } from '../../components/async-view';
import { Panel } from '../../components/panel';
import { call } from '../../lib/call';
import { formatDateTime } from '../../lib/format-time';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';

const PAUSE_WORDS: Record<string, string> = {
  operator: 'paused by you',
  captcha: 'the site asked for a captcha',
  login_wall: 'the site asked to log in again',
  warning_page: 'the site showed a warning',
  auth_failed: 'the credentials were refused',
  failure_cap: 'too many failures today',
};

/** Profiles that stopped working, the connection state and the reminders due now. */
async function loadAttention() {
  const [profiles, connectivity, reminders] = await Promise.all([call('profiles.list', {}), call('connectivity.get', {}), call('reminders.due', {})]);
  return { stopped: profiles.items.filter((p) => p.state === 'paused' || p.state === 'failed'), connectivity, reminders: reminders.items };
}

/** What needs the operator: paused or failed profiles and why, being offline or catching up, due reminders. */
export function AttentionPanel() {
  const state = useAsync(loadAttention, []);
  useLiveRefresh(['profiles.state', 'connectivity.changed', 'reminders.changed', 'reminders.due'], state.reload);
  return (
    <Panel title="Needs attention">
      <AsyncView state={state} what="what needs attention">
        {({ stopped, connectivity, reminders }) => (
          <>
            {!connectivity.online && (
              <p className="notice notice-warning" role="status" data-testid="overview-offline">
                Offline since {formatDateTime(connectivity.since)}: work waits and is re-planned when the connection returns.
              </p>
            )}
            {connectivity.online && connectivity.catchUp && (
              <p className="muted" data-testid="overview-catch-up">
                Last catch-up after a {connectivity.catchUp.cause} at {formatDateTime(connectivity.catchUp.at)} re-planned {connectivity.catchUp.items} items.
              </p>
            )}
            <h3>Profiles</h3>
            {stopped.length === 0 ? (
              <p className="muted">Every profile is running or idle.</p>
            ) : (
              <ul className="overview-list" data-testid="overview-stopped-profiles">
                {stopped.map((p) => (
                  <li key={p.id}>
                    <a href="#/profiles">{p.name}</a> — {p.state === 'failed' ? 'failed' : (PAUSE_WORDS[p.pauseReason ?? 'operator'] ?? p.pauseReason)}
                    {p.stateDetail && <span className="muted"> ({p.stateDetail})</span>}
                  </li>
                ))}
              </ul>
            )}
            <h3>Reminders due</h3>
            {reminders.length === 0 ? (
              <p className="muted">No reminder is due. Set one from a lead's page.</p>
            ) : (
              <ul className="overview-list" data-testid="overview-reminders">
                {reminders.map((r) => (
                  <li key={r.id}>
                    {formatDateTime(r.dueAt)} · {r.leadLabel ?? `lead ${r.leadId}`}: {r.note}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </AsyncView>
    </Panel>
  );
}
