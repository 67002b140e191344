import type { Logger } from 'pino';
import type { Clock, TimerHandle } from '../../shared/clock';

/** A main-process loop: one pass at a time, rescheduled after each pass, stoppable mid-wait. */
export interface Loop {
  readonly name: string;
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

  const runOnce = async (): Promise<void> => {
    if (running) return running;
    running = spec.pass().catch((err: unknown) => log.error({ err }, 'loop pass failed'));
    try {
      await running;
    } finally {
      running = undefined;
    }
  };
  const schedule = () => {
    if (!active) return;
    timer = spec.clock.setTimeout(() => {
      void runOnce().then(schedule);
    }, spec.intervalMs);
  };

  return {
    name: spec.name,
    start() {
      if (active) return;
      active = true;
      schedule();
    },
    async stop() {
      active = false;
      if (timer !== undefined) spec.clock.clearTimeout(timer);
      await running;
    },
    runOnce,
  };
}
