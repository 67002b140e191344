import type { Settings } from '../../shared/contract/schemas/settings';
import { call, on } from '../lib/call';
import { createResourceStore } from './resource-store';

/** The operator's settings, shared by the top bar, the theme and the settings form. */
export const useSettings = createResourceStore<Settings>(() => call('settings.get', {}));

/** Loads the settings and keeps them current when any window saves; returns the unsubscribe function. */
export function followSettings(): () => void {
  useSettings.getState().reload();
  return on('settings.changed', (settings) => useSettings.getState().replace(settings));
}
