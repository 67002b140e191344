import { call } from '../lib/call';
import { useOverlay } from '../stores/overlay-store';

/** A command the palette runs. */
export interface PaletteAction {
  readonly id: string;
  readonly label: string;
  readonly run: () => Promise<unknown> | void;
}

const go = (hash: string) => () => {
  window.location.hash = hash;
};

/** Pauses every active profile that is not already paused or stopped. */
async function pauseAll(): Promise<void> {
  const { items } = await call('profiles.list', {});
  for (const profile of items.filter((p) => p.active && p.state !== 'paused' && p.state !== 'failed')) await call('profiles.pause', { id: profile.id });
}

/** The common actions, each one an existing screen or API method. */
export const paletteActions: readonly PaletteAction[] = [
  { id: 'new-import', label: 'New import (CSV or Excel file)', run: go('#/imports') },
  { id: 'new-profile', label: 'New profile (mailbox, provider, LinkedIn, Facebook)', run: go('#/profiles') },
  { id: 'pause-all', label: 'Pause every running profile', run: pauseAll },
  { id: 'theme-light', label: 'Theme: light', run: () => call('settings.update', { theme: 'light' }) },
  { id: 'theme-dark', label: 'Theme: dark', run: () => call('settings.update', { theme: 'dark' }) },
  { id: 'theme-system', label: 'Theme: follow the system', run: () => call('settings.update', { theme: 'system' }) },
  { id: 'shortcuts', label: 'Show keyboard shortcuts', run: () => useOverlay.getState().show('shortcuts') },
];
