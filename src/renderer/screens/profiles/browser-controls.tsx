import { useState } from 'react';
import type { ProfileRecord } from '../../../shared/contract/schemas/profiles';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';
import { pauseWords } from './profile-words';
import '../jobs/jobs.css';

/**
 * A LinkedIn/Facebook profile's browser controls: "Log in" opens its own browser on the site's login page (the
 * worker stops meanwhile and starts again when the window closes), and a pause the site caused shows its reason
 * with the screenshot of the page that caused it.
 */
export function BrowserControls({ profile }: { readonly profile: ProfileRecord }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  if (profile.access !== 'rpa') return null;
  const logIn = (): void => {
    setBusy(true);
    setOutcome(undefined);
    call('profiles.openBrowser', { id: profile.id })
      .then(() => setOutcome({ ok: true, text: 'Sign in in the browser window that opened, then close it: the profile starts again.' }))
      .catch((error: unknown) => setOutcome({ ok: false, text: `Log in failed: ${toError(error).message}` }))
      .finally(() => setBusy(false));
  };
  const shot = profile.pauseSnapshot;
  return (
    <div className="browser-controls">
      <button type="button" className="button" disabled={busy} onClick={logIn} aria-label={`Log in ${profile.name}`}>
        Log in
      </button>
      {outcome && (
        <p className={`form-outcome ${outcome.ok ? 'success' : 'danger'}`} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      {profile.state === 'paused' && profile.pauseReason && profile.pauseReason !== 'operator' && (
        <div className="browser-pause" role="status">
          <p>
            Paused by the site: <span className="strong">{pauseWords[profile.pauseReason]}</span>
            {profile.stateDetail && <span className="muted"> — {profile.stateDetail}</span>}
          </p>
          {shot?.screenshot && (
            <a href={shot.screenshot} target="_blank" rel="noreferrer">
              <img className="snapshot-thumb" src={shot.screenshot} alt={`The page that paused ${profile.name}`} />
            </a>
          )}
          {shot?.html && (
            <a href={shot.html} target="_blank" rel="noreferrer">
              Page HTML
            </a>
          )}
        </div>
      )}
    </div>
  );
}
