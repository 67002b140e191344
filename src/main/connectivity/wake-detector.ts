import type { Clock, TimerHandle } from '../../shared/clock';

/** How often the detector ticks and how late a tick must be to count as a sleep. */
export interface WakeDetectorTiming {
  readonly tickMs: number;
  readonly lateMs: number;
}

/** Default timing: a tick every 15 s; one arriving a minute late means the machine was asleep. */
export const defaultWakeTiming: WakeDetectorTiming = { tickMs: 15_000, lateMs: 60_000 };

/**
 * Detects sleep and wake from clock jumps: timers stop while the machine sleeps but the wall clock keeps going,
 * so the first tick after a wake arrives much later than it was scheduled for.
 */
export class WakeDetector {
  private timer: TimerHandle | undefined;
  private expectedAt = 0;

  constructor(
    private readonly clock: Clock,
    private readonly onWake: (sleptAt: number, wokeAt: number) => void,
    private readonly timing: WakeDetectorTiming = defaultWakeTiming,
  ) {}

  /** Starts ticking. */
  start(): void {
    if (this.timer !== undefined) return;
    this.schedule();
  }

  /** Stops ticking. */
  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.expectedAt = this.clock.now() + this.timing.tickMs;
    this.timer = this.clock.setTimeout(() => this.tick(), this.timing.tickMs);
  }

  private tick(): void {
    const now = this.clock.now();
    const lastTick = this.expectedAt - this.timing.tickMs;
    if (now - this.expectedAt > this.timing.lateMs) this.onWake(lastTick, now);
    this.schedule();
  }
}
