import type { Logger } from 'pino';
import type { Clock, TimerHandle } from '../../shared/clock';

/** How a loop is doing, for monitoring: times are the injected clock's ms, durations wall-time ms. */
export interface LoopStats {
  readonly name: string;
  /** Scheduled (started and not stopped). */
  readonly active: boolean;
  /** A pass is in progress. */
  readonly running: boolean;
  readonly passes: number;
  readonly failures: number;
  /** How late the last scheduled pass started after it was due (a busy event loop delays timers). */
  readonly lagMs: number;
  readonly lastPassMs: number | null;
  readonly lastPassAt: number | null;
  readonly lastError: { readonly message: string; readonly at: number } | null;
}

/** A main-process loop: one pass at a time, rescheduled after each pass, stoppable mid-wait. */
export interface Loop {
  readonly name: string;
  /** Counters and timings of the passes so far. */
  stats(): LoopStats;
  start(): void;
  /** Stops scheduling and waits for a pass in progress to finish. */
  stop(): Promise<void>;
  /** Runs one pass now (tests and "run now" buttons); waits if a pass is already running. */
  runOnce(): Promise<void>;
}

/** What a loop does each pass and how long it waits between passes. */
export interface LoopSpec {
  readonly name: string;
  readonly intervalMs: number;
  /** Wait before the first pass after start; defaults to the interval. */
  readonly firstDelayMs?: number;
  readonly clock: Clock;
  readonly logger: Logger;
  pass(): Promise<void>;
}

/** Creates a loop whose passes never overlap and whose failures are logged, not fatal. */
export function createLoop(spec: LoopSpec): Loop {
  let timer: TimerHandle | undefined;
  let running: Promise<void> | undefined;
  let active = false;
  const log = spec.logger.child({ loop: spec.name });
  const counts = { passes: 0, failures: 0, lagMs: 0 };
  let lastPassMs: number | null = null;
  let lastPassAt: number | null = null;
  let lastError: LoopStats['lastError'] = null;

  const timedPass = async (): Promise<void> => {
    const started = performance.now();
    lastPassAt = spec.clock.now();
    try {
      await spec.pass();
    } catch (err) {
      counts.failures++;
      lastError = { message: err instanceof Error ? err.message : String(err), at: spec.clock.now() };
      log.error({ err }, 'loop pass failed');
    } finally {
      counts.passes++;
      lastPassMs = performance.now() - started;
    }
  };
  const runOnce = async (): Promise<void> => {
    if (running) return running;
    running = timedPass();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };
  const schedule = (delayMs = spec.intervalMs) => {
    if (!active) return;
    const due = spec.clock.now() + delayMs;
    timer = spec.clock.setTimeout(() => {
      counts.lagMs = Math.max(0, spec.clock.now() - due);
      void runOnce().then(() => schedule());
    }, delayMs);
  };

  return {
    name: spec.name,
    stats: () => ({ name: spec.name, active, running: running !== undefined, ...counts, lastPassMs, lastPassAt, lastError }),
    start() {
      if (active) return;
      active = true;
      schedule(spec.firstDelayMs);
    },
    async stop() {
      active = false;
      if (timer !== undefined) spec.clock.clearTimeout(timer);
      await running;
    },
    runOnce,
  };
}
