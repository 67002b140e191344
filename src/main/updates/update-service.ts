import type { UpdateState } from '../../shared/contract/schemas/updates';

/** The updater behind the `update.*` methods: the desktop's electron-updater controller, or the browser edition's stand-in. */
export interface UpdateService {
  state(): UpdateState;
  /** Looks for a newer version now; an unreachable feed leaves the app fully usable. */
  check(): Promise<UpdateState>;
  download(): Promise<UpdateState>;
  /** Restart to update: refused (conflict) unless a download is complete. */
  install(): Promise<UpdateState>;
}

const UNSUPPORTED_MESSAGE = 'The browser edition does not update itself: update its folder (git pull, npm install, npm start). The desktop app updates automatically.';

/** The browser edition's updater: every method answers `unsupported` and says how this edition is updated. */
export function unsupportedUpdates(currentVersion: string): UpdateService {
  const state: UpdateState = {
    status: 'unsupported',
    currentVersion,
    channel: 'stable',
    version: null,
    progress: null,
    lastCheckedAt: null,
    nextCheckAt: null,
    message: UNSUPPORTED_MESSAGE,
  };
  const answer = () => Promise.resolve(state);
  return { state: () => state, check: answer, download: answer, install: answer };
}
