import { useEffect, useState } from 'react';
import type { UpdateState } from '../../shared/contract/schemas/updates';
import { call, on } from '../lib/call';

const percentOf = (state: UpdateState): number => Math.round(state.progress?.percent ?? 0);

/** What the banner says and offers in each state; null when there is nothing to tell (idle, checking, unsupported). */
function describe(state: UpdateState): { text: string; action?: 'download' | 'install' | 'check'; tone: 'info' | 'warning' } | null {
  switch (state.status) {
    case 'available':
      return { text: `Outpost ${state.version} is available.`, action: 'download', tone: 'info' };
    case 'downloading':
      return { text: `Downloading Outpost ${state.version}: ${percentOf(state)}%`, tone: 'info' };
    case 'downloaded':
      return { text: state.message ?? `Outpost ${state.version} is ready. Restarting takes a backup, stops the profiles and installs it.`, action: 'install', tone: 'info' };
    case 'installing':
      return { text: `Backing up and restarting to install Outpost ${state.version}…`, tone: 'info' };
    case 'error':
      return { text: `The update failed: ${state.message ?? 'unknown error'}`, action: 'check', tone: 'warning' };
    default:
      return null;
  }
}

const actionLabels = { download: 'Download', install: 'Restart to update', check: 'Try again' } as const;

/** The desktop's update banner: download progress and "Restart to update"; silent while idle and in the browser edition. */
export function UpdateBanner() {
  const [state, setState] = useState<UpdateState | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const stop = on('update.state', setState);
    call('update.get', {}).then(setState, () => undefined);
    return stop;
  }, []);
  const shown = state && describe(state);
  if (!state || !shown) return null;

  const act = (action: 'download' | 'install' | 'check') => {
    setBusy(true);
    call(action === 'download' ? 'update.download' : action === 'install' ? 'update.install' : 'update.check', {})
      .then(setState, () => undefined)
      .finally(() => setBusy(false));
  };

  const action = shown.action;
  return (
    <div className={`notice update-banner ${shown.tone === 'warning' ? 'notice-warning' : ''}`} role="status" aria-label="Update">
      <span>{shown.text}</span>
      {state.status === 'downloading' && <progress max={100} value={percentOf(state)} aria-label="Download progress" />}
      {action && (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => act(action)}>
          {actionLabels[action]}
        </button>
      )}
    </div>
  );
}
