import type { Logger } from 'pino';
import type { Clock, TimerHandle } from '../../shared/clock';
import type { UpdateChannel, UpdateState } from '../../shared/contract/schemas/updates';
import { toIso } from '../../shared/iso-time';
import { ApiError } from '../api/api-error';
import type { UpdateService } from '../updates/update-service';
import { isOfflineError } from './update-feed';
import { initialUpdateState, nextUpdateState, type UpdateEvent, type UpdateMachineState } from './update-state-machine';

/** How far electron-updater's download has come (its ProgressInfo). */
export interface DownloadProgress {
  readonly percent: number;
  readonly transferred: number;
  readonly total: number;
  readonly bytesPerSecond: number;
}

/** The part of electron-updater's `autoUpdater` the controller drives (a seam: tests pass a fake emitter). */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  channel: string | null;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'download-progress', listener: (progress: DownloadProgress) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

/** When checks run: once after the start (so the first minutes belong to the operator), then every few hours. */
export interface UpdateTiming {
  readonly startDelayMs: number;
  readonly intervalMs: number;
}

/** Ten minutes after the start, then every four hours. */
export const defaultUpdateTiming: UpdateTiming = { startDelayMs: 10 * 60_000, intervalMs: 4 * 3_600_000 };

/** What the controller needs from the running core, known only once it has started. */
export interface UpdateHooks {
  /** The update channel chosen in Settings. */
  channel(): Promise<UpdateChannel>;
  /** Pushes the state to dashboards (the `update.state` event). */
  publish(state: UpdateState): void;
  /** Takes the pre-update backup, stops the workers and closes the store; a failure cancels the install. */
  beforeInstall(): Promise<void>;
}

/** Construction options. */
export interface UpdateControllerOptions {
  readonly updater: UpdaterPort;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly currentVersion: string;
  readonly timing?: UpdateTiming;
  /** Download as soon as a check finds a version (default true); the operator then only has to restart. */
  readonly autoDownload?: boolean;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300) ?? '';

/**
 * Drives electron-updater through the pure state machine: scheduled checks on the injected clock, download, and
 * "restart to update" that installs only after the backup and a clean shutdown. Nothing here blocks the app: every
 * failure becomes a state, and an unreachable feed is just noted.
 */
export class UpdateController implements UpdateService {
  private s: UpdateMachineState = initialUpdateState('stable');
  private hooks: UpdateHooks | undefined;
  private timer: TimerHandle | undefined;
  private nextCheckAt: number | null = null;
  private readonly timing: UpdateTiming;
  /** The install run started by `install()` (it continues after the method answers). */
  installation: Promise<void> | null = null;

  constructor(private readonly o: UpdateControllerOptions) {
    this.timing = o.timing ?? defaultUpdateTiming;
    const u = o.updater;
    // The controller decides when to download and installs only through its own shutdown path.
    u.autoDownload = false;
    u.autoInstallOnAppQuit = true;
    u.on('update-available', (info) => this.apply({ type: 'available', version: info.version, at: o.clock.now() }));
    u.on('update-not-available', () => this.apply({ type: 'not-available', at: o.clock.now() }));
    u.on('download-progress', (p) => this.apply({ type: 'progress', percent: p.percent, transferred: p.transferred, total: p.total, bytesPerSecond: p.bytesPerSecond }));
    u.on('update-downloaded', (info) => this.apply({ type: 'downloaded', version: info.version }));
    u.on('error', (error) => this.fail(error));
  }

  /** Connects the running core and schedules the first check after the start delay. */
  start(hooks: UpdateHooks): void {
    this.hooks = hooks;
    this.schedule(this.timing.startDelayMs);
  }

  /** Stops scheduling checks (at quit). */
  stop(): void {
    if (this.timer !== undefined) this.o.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.nextCheckAt = null;
  }

  /** The state as the contract shows it. */
  state(): UpdateState {
    return {
      status: this.s.status,
      currentVersion: this.o.currentVersion,
      channel: this.s.channel,
      version: this.s.version,
      progress: this.s.progress,
      lastCheckedAt: this.s.lastCheckedAt === null ? null : toIso(this.s.lastCheckedAt),
      nextCheckAt: this.nextCheckAt === null ? null : toIso(this.nextCheckAt),
      message: this.s.message,
    };
  }

  /** True when an update is downloaded and will install at quit (the quit path then takes the pre-update backup). */
  get downloaded(): boolean {
    return this.s.status === 'downloaded' || this.s.status === 'installing';
  }

  /** Keeps a downloaded update from installing at this quit (its pre-update backup failed); it is offered again next start. */
  skipInstallOnQuit(): void {
    this.o.updater.autoInstallOnAppQuit = false;
  }

  async check(): Promise<UpdateState> {
    const channel = this.hooks ? await this.hooks.channel() : this.s.channel;
    if (!this.apply({ type: 'check', channel })) return this.state();
    this.o.updater.channel = channel === 'beta' ? 'beta' : 'latest';
    this.o.updater.allowPrerelease = channel === 'beta';
    try {
      // electron-updater answers null when it is inactive (an unpackaged app without a forced dev config).
      if ((await this.o.updater.checkForUpdates()) === null) this.apply({ type: 'not-available', at: this.o.clock.now() });
    } catch (error) {
      this.fail(error);
    }
    if (this.s.status === 'available' && this.o.autoDownload !== false) return this.download();
    return this.state();
  }

  async download(): Promise<UpdateState> {
    if (!this.apply({ type: 'download' })) return this.state();
    try {
      await this.o.updater.downloadUpdate();
    } catch (error) {
      this.fail(error);
    }
    return this.state();
  }

  /** Restart to update: answers `installing` at once, then backs up, shuts down and hands over to the installer. */
  install(): Promise<UpdateState> {
    if (this.s.status !== 'downloaded') return Promise.reject(new ApiError('conflict', 'status: no downloaded update to install; check and download first'));
    this.apply({ type: 'install' });
    // Not awaited here: the shutdown closes the very API that carries this call, so the answer goes out first.
    this.installation = new Promise<void>((resolve) => this.o.clock.setTimeout(resolve, 0)).then(() => this.runInstall());
    return Promise.resolve(this.state());
  }

  private async runInstall(): Promise<void> {
    this.stop();
    try {
      if (!this.hooks) throw new Error('the core is not running');
      await this.hooks.beforeInstall();
    } catch (error) {
      this.o.logger.error({ err: error }, 'update install cancelled: the pre-update backup or the shutdown failed');
      this.apply({ type: 'install-failed', message: `Not installed: ${messageOf(error)}. Outpost keeps running; try again.` });
      this.schedule(this.timing.intervalMs);
      return;
    }
    this.o.logger.info({ version: this.s.version }, 'installing the update and restarting');
    this.o.updater.quitAndInstall(false, true);
  }

  private schedule(delayMs: number): void {
    this.nextCheckAt = this.o.clock.now() + delayMs;
    this.timer = this.o.clock.setTimeout(() => {
      void this.check().finally(() => {
        if (this.timer !== undefined) this.schedule(this.timing.intervalMs);
      });
    }, delayMs);
  }

  private fail(error: unknown): void {
    const offline = isOfflineError(error);
    if (!offline) this.o.logger.warn({ err: error }, 'update check or download failed');
    this.apply({ type: 'error', message: messageOf(error), offline, at: this.o.clock.now() });
  }

  /** Applies one event; publishes and answers true when the state changed. */
  private apply(event: UpdateEvent): boolean {
    const next = nextUpdateState(this.s, event);
    if (next === this.s) return false;
    this.s = next;
    this.hooks?.publish(this.state());
    return true;
  }
}
