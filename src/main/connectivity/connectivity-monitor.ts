import type { Logger } from 'pino';
import type { Clock, TimerHandle } from '../../shared/clock';
import type { ConnectivityView } from '../../shared/contract/schemas/outbox';
import { toIso, toIsoOrNull } from '../../shared/iso-time';
import type { EventBus } from '../event-bus';
import type { Connectivity } from './connectivity';
import type { Probe } from './probe';
import { WakeDetector, defaultWakeTiming, type WakeDetectorTiming } from './wake-detector';

/** Why work is re-planned at once: the network came back, or the machine woke up. */
export type ResumeCause = 'reconnect' | 'wake';

/** What the last catch-up re-planned (kept for the dashboard). */
export interface CatchUp {
  readonly cause: ResumeCause;
  readonly at: number;
  readonly items: number;
  readonly firstAt: number | null;
  readonly lastAt: number | null;
}

/** Re-probe delays while offline: doubling from `initialMs` up to `maxMs`. */
export interface ReprobeBackoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

/** What the monitor needs: the clock, the bus for `connectivity.changed`, the probe and its timings. */
export interface ConnectivityMonitorOptions {
  readonly clock: Clock;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly probe: Probe;
  readonly backoff?: ReprobeBackoff;
  readonly wake?: WakeDetectorTiming;
}

const defaultBackoff: ReprobeBackoff = { initialMs: 5_000, maxMs: 5 * 60_000 };

/**
 * The real Connectivity: offline only when the probe fails (a failing mailbox server is not offline), re-probed with
 * backoff while offline; sleep and wake seen as clock jumps. Reconnects and wakes call the resume listeners.
 */
export class ConnectivityMonitor implements Connectivity {
  private online = true;
  private since: number;
  private lastProbeAt: number | null = null;
  private lastProbeOk: boolean | null = null;
  private nextProbeAt: number | null = null;
  private sleptAt: number | null = null;
  private wokeAt: number | null = null;
  private catchUp: CatchUp | null = null;
  private probing: Promise<boolean> | undefined;
  private retry: TimerHandle | undefined;
  private delay: number;
  private readonly backoff: ReprobeBackoff;
  private readonly wake: WakeDetector;
  private readonly listeners = new Set<(cause: ResumeCause) => void>();

  constructor(private readonly options: ConnectivityMonitorOptions) {
    this.since = options.clock.now();
    this.backoff = options.backoff ?? defaultBackoff;
    this.delay = this.backoff.initialMs;
    this.wake = new WakeDetector(options.clock, (sleptAt, wokeAt) => this.noteWake(sleptAt, wokeAt), options.wake ?? defaultWakeTiming);
  }

  /** Starts watching for sleep and wake. */
  start(): void {
    this.wake.start();
  }

  /** Stops the wake detector and any pending re-probe. */
  async close(): Promise<void> {
    this.wake.stop();
    if (this.retry !== undefined) this.options.clock.clearTimeout(this.retry);
    this.retry = undefined;
    await this.probing;
  }

  /** False while the last probe failed and no later one succeeded. */
  isOnline(): boolean {
    return this.online;
  }

  /** A worker saw what looked like no network: probe, and go offline only if the probe fails too. */
  reportNetworkFailure(profileId: number): void {
    this.options.logger.debug({ profileId }, 'network failure reported; probing');
    void this.probeNow();
  }

  /** Calls `listener` after every reconnect and every wake (once the network is there); returns the unsubscribe. */
  onResume(listener: (cause: ResumeCause) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records what a catch-up re-planned, for the dashboard. */
  noteCatchUp(catchUp: CatchUp): void {
    this.catchUp = catchUp;
    this.changed();
  }

  /** Probes now (one probe at a time) and applies the answer. */
  probeNow(): Promise<boolean> {
    this.probing ??= this.options
      .probe()
      .catch(() => false)
      .then((ok) => {
        this.probing = undefined;
        this.applyProbe(ok);
        return ok;
      });
    return this.probing;
  }

  /** What `connectivity.get` and `connectivity.changed` report. */
  view(): ConnectivityView {
    const c = this.catchUp;
    return {
      online: this.online,
      since: toIso(this.since),
      lastProbeAt: toIsoOrNull(this.lastProbeAt),
      lastProbeOk: this.lastProbeOk,
      nextProbeAt: toIsoOrNull(this.nextProbeAt),
      sleptAt: toIsoOrNull(this.sleptAt),
      wokeAt: toIsoOrNull(this.wokeAt),
      catchUp: c && { cause: c.cause, at: toIso(c.at), items: c.items, firstAt: toIsoOrNull(c.firstAt), lastAt: toIsoOrNull(c.lastAt) },
    };
  }

  private applyProbe(ok: boolean): void {
    const now = this.options.clock.now();
    this.lastProbeAt = now;
    this.lastProbeOk = ok;
    if (ok) {
      this.delay = this.backoff.initialMs;
      this.nextProbeAt = null;
      if (this.online) return this.changed();
      this.online = true;
      this.since = now;
      this.options.logger.info('back online');
      this.changed();
      this.resume('reconnect');
      return;
    }
    if (this.online) {
      this.online = false;
      this.since = now;
      this.options.logger.warn('offline: the connectivity probe failed');
    }
    this.scheduleReprobe(now);
    this.changed();
  }

  private scheduleReprobe(now: number): void {
    if (this.retry !== undefined) this.options.clock.clearTimeout(this.retry);
    const delay = this.delay;
    this.delay = Math.min(this.delay * 2, this.backoff.maxMs);
    this.nextProbeAt = now + delay;
    this.retry = this.options.clock.setTimeout(() => {
      this.retry = undefined;
      void this.probeNow();
    }, delay);
  }

  private noteWake(sleptAt: number, wokeAt: number): void {
    this.sleptAt = sleptAt;
    this.wokeAt = wokeAt;
    this.options.logger.info({ sleptAt, wokeAt }, 'woke from sleep');
    this.changed();
    // The network is often still down right after a wake; a failing probe defers the catch-up to the reconnect,
    // and a probe that ends an offline spell has already resumed as a reconnect.
    const wasOnline = this.online;
    void this.probeNow().then((ok) => {
      if (ok && wasOnline) this.resume('wake');
    });
  }

  private resume(cause: ResumeCause): void {
    for (const listener of this.listeners) listener(cause);
  }

  private changed(): void {
    this.options.bus.emit('connectivity.changed', this.view());
  }
}
