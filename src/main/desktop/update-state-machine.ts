import type { UpdateChannel, UpdateStatus } from '../../shared/contract/schemas/updates';

/** The updater's internal state (times in ms; the contract view turns them into ISO strings). */
export interface UpdateMachineState {
  readonly status: Exclude<UpdateStatus, 'unsupported'>;
  readonly channel: UpdateChannel;
  readonly version: string | null;
  readonly progress: { readonly percent: number; readonly transferred: number; readonly total: number; readonly bytesPerSecond: number } | null;
  readonly lastCheckedAt: number | null;
  readonly message: string | null;
}

/** What can happen to the updater: the operator's requests and electron-updater's reports. */
export type UpdateEvent =
  | { readonly type: 'check'; readonly channel: UpdateChannel }
  | { readonly type: 'available'; readonly version: string; readonly at: number }
  | { readonly type: 'not-available'; readonly at: number }
  | { readonly type: 'download' }
  | { readonly type: 'progress'; readonly percent: number; readonly transferred: number; readonly total: number; readonly bytesPerSecond: number }
  | { readonly type: 'downloaded'; readonly version: string }
  | { readonly type: 'install' }
  | { readonly type: 'install-failed'; readonly message: string }
  | { readonly type: 'error'; readonly message: string; readonly offline: boolean; readonly at: number };

/** Before the first check. */
export const initialUpdateState = (channel: UpdateChannel): UpdateMachineState => ({ status: 'idle', channel, version: null, progress: null, lastCheckedAt: null, message: null });

const busy = (s: UpdateMachineState): boolean => s.status === 'checking' || s.status === 'downloading' || s.status === 'installing';

/**
 * One step of the updater: idle → checking → available → downloading(progress) → downloaded → installing, with errors.
 * Events that make no sense in the current state leave it unchanged (a late progress report, a check while
 * downloading). An unreachable feed is not an error the operator must act on: it returns to where it was, with a note.
 * A downloaded update survives later failures, so "restart to update" stays offered.
 */
export function nextUpdateState(s: UpdateMachineState, e: UpdateEvent): UpdateMachineState {
  switch (e.type) {
    case 'check':
      return busy(s) || s.status === 'downloaded' ? s : { ...s, status: 'checking', channel: e.channel, message: null };
    case 'available':
      return s.status === 'checking' ? { ...s, status: 'available', version: e.version, lastCheckedAt: e.at, message: null } : s;
    case 'not-available':
      return s.status === 'checking' ? { ...s, status: 'idle', version: null, lastCheckedAt: e.at, message: 'Outpost is up to date.' } : s;
    case 'download':
      return s.status === 'available' ? { ...s, status: 'downloading', progress: { percent: 0, transferred: 0, total: 0, bytesPerSecond: 0 } } : s;
    case 'progress':
      return s.status === 'downloading'
        ? { ...s, progress: { percent: Math.min(100, Math.max(0, e.percent)), transferred: Math.round(e.transferred), total: Math.round(e.total), bytesPerSecond: Math.max(0, e.bytesPerSecond) } }
        : s;
    case 'downloaded':
      return s.status === 'downloading' || s.status === 'available' ? { ...s, status: 'downloaded', version: e.version, progress: null, message: null } : s;
    case 'install':
      return s.status === 'downloaded' ? { ...s, status: 'installing', message: null } : s;
    case 'install-failed':
      return s.status === 'installing' ? { ...s, status: 'downloaded', message: e.message } : s;
    case 'error':
      if (s.status === 'downloaded' || s.status === 'installing') return s;
      if (e.offline) {
        const back = s.status === 'downloading' ? 'available' : s.status === 'checking' ? (s.version ? 'available' : 'idle') : s.status;
        return { ...s, status: back, progress: null, lastCheckedAt: e.at, message: 'The update feed could not be reached (offline?); Outpost will try again later.' };
      }
      return { ...s, status: 'error', progress: null, lastCheckedAt: e.at, message: e.message };
  }
}
