import type { ProfileView } from '../../shared/contract/schemas/profiles';

/** The tray's headline state. */
export type TrayStatus = 'running' | 'paused' | 'offline';

/** What the tray shows: its state (which picks the icon) and a one-line tooltip. */
export interface TrayView {
  readonly status: TrayStatus;
  readonly tooltip: string;
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * The tray's state from the live profiles and connectivity: offline wins (nothing can be sent), then paused when any
 * active profile waits for the operator (paused or failed), else running. Inactive profiles do not count.
 */
export function trayView(profiles: readonly Pick<ProfileView, 'active' | 'state'>[], online: boolean): TrayView {
  const active = profiles.filter((p) => p.active);
  const stuck = active.filter((p) => p.state === 'paused' || p.state === 'failed').length;
  const running = active.length - stuck;
  const counts = active.length === 0 ? 'no active profile' : [running > 0 ? `${plural(running, 'profile')} running` : '', stuck > 0 ? `${stuck} paused` : ''].filter(Boolean).join(', ');
  if (!online) return { status: 'offline', tooltip: `Outpost: offline, work waits for the connection (${counts})` };
  if (stuck > 0) return { status: 'paused', tooltip: `Outpost: ${counts}; needs your attention` };
  return { status: 'running', tooltip: `Outpost: ${counts}` };
}
