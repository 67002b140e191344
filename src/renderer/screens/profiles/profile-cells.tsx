import type { ProfileRecord } from '../../../shared/contract/schemas/profiles';
import type { ProfileQuotaUsage } from '../../../shared/contract/schemas/quotas';
import { formatDateTime } from '../../lib/format-time';
import { megabytes, pauseWords, perWindow, stateWords } from './profile-words';

/** The state in words, with its detail (what it works on, why it failed) and the pause reason. */
export function StateCell({ profile }: { readonly profile: ProfileRecord }) {
  return (
    <div className="profile-state" data-state={profile.state}>
      <span className="strong">{stateWords[profile.state]}</span>
      {profile.pauseReason && <span> — {pauseWords[profile.pauseReason]}</span>}
      {profile.stateDetail && <p className="muted">{profile.stateDetail}</p>}
    </div>
  );
}

/** The newest failed item's error and when it happened. */
export function LastErrorCell({ profile }: { readonly profile: ProfileRecord }) {
  if (!profile.lastError) return <span className="muted">None</span>;
  return (
    <span title={profile.lastError.text}>
      {profile.lastError.text} <span className="muted">({formatDateTime(profile.lastError.at)})</span>
    </span>
  );
}

/** Memory and restarts of the running worker. */
export function WorkerCell({ profile }: { readonly profile: ProfileRecord }) {
  if (!profile.worker) return <span className="muted">Not running</span>;
  const { rssBytes, restarts } = profile.worker;
  return (
    <span>
      {rssBytes === null ? 'memory not reported yet' : megabytes(rssBytes)} · {restarts} restart{restarts === 1 ? '' : 's'}
    </span>
  );
}

/** Uses against the allowed maximum per rolling window, per action. */
export function QuotasCell({ usage, failed }: { readonly usage: ProfileQuotaUsage | undefined; readonly failed: boolean }) {
  if (failed) return <span className="muted">Unavailable</span>;
  if (!usage || usage.actions.length === 0) return <span className="muted">No limits</span>;
  return (
    <ul className="profile-quotas">
      {usage.actions.map((a) => (
        <li key={a.action}>
          {a.action}: {a.used} / {a.max} {perWindow(a.windowSeconds)}
          {a.max < a.configuredMax && <span className="muted"> (ramping up to {a.configuredMax})</span>}
          {a.reason && <span className="muted"> (next {formatDateTime(a.nextAllowedAt)})</span>}
        </li>
      ))}
    </ul>
  );
}

/** Which credential fields are stored; values never reach the dashboard. */
export function CredentialsCell({ profile }: { readonly profile: ProfileRecord }) {
  if (profile.credentials.length === 0) return <span className="muted">None needed</span>;
  const missing = profile.credentials.filter((c) => !c.set).map((c) => c.name);
  if (missing.length === 0) return <span className="success">set</span>;
  return <span className="danger">missing: {missing.join(', ')}</span>;
}
