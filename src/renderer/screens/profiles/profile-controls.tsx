import { useState } from 'react';
import type { ProfileRecord } from '../../../shared/contract/schemas/profiles';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';

type Control = 'start' | 'stop' | 'pause' | 'resume';

const labels: Record<Control, string> = { start: 'Start', stop: 'Stop', pause: 'Pause', resume: 'Resume' };

/** The controls that make sense in a profile's state: start a stopped one, pause or stop a running one, resume a paused or failed one. */
export function controlsFor(profile: Pick<ProfileRecord, 'state' | 'active'>): Control[] {
  switch (profile.state) {
    case 'idle':
      return ['start'];
    case 'starting':
    case 'online':
    case 'working':
      return ['pause', 'stop'];
    case 'paused':
      return ['resume', 'stop'];
    case 'failed':
      return profile.active ? ['resume', 'stop'] : ['start'];
    case 'stopping':
      return [];
  }
}

/** Start/stop/pause/resume buttons for one profile; the new state arrives as a profiles.state event. */
export function ProfileControls({ profile }: { readonly profile: ProfileRecord }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const run = (control: Control): void => {
    setBusy(true);
    setFailure(undefined);
    call(`profiles.${control}`, { id: profile.id })
      .catch((error: unknown) => setFailure(`${labels[control]} failed: ${toError(error).message}`))
      .finally(() => setBusy(false));
  };
  return (
    <>
      {controlsFor(profile).map((control) => (
        <button key={control} type="button" className="button" disabled={busy} onClick={() => run(control)} aria-label={`${labels[control]} ${profile.name}`}>
          {labels[control]}
        </button>
      ))}
      {failure && (
        <p className="form-outcome danger" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
