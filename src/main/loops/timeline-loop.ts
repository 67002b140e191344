import type { Logger } from 'pino';
import type { Services } from '../services';
import { TimelineStepper } from '../timeline/timeline-stepper';
import { createLoop, type Loop } from './loop';
import { yieldToEventLoop } from './yield-to-event-loop';

const POLL_MS = 2000;
// A rebuild pushes progress at most this often; the screen refreshes on it.
const PROGRESS_MS = 1000;

/**
 * Folds finished rows into the hourly counters in transactions of about 50 ms (the API waits at most that) and
 * carries a requested rebuild through; pushes `timeline.changed` after a pass that counted rows and while rebuilding.
 */
export function createTimelineLoop(s: Services, logger: Logger): Loop {
  const stepper = new TimelineStepper(s.timeline);
  return createLoop({
    name: 'timeline',
    intervalMs: POLL_MS,
    clock: s.clock,
    logger,
    async pass() {
      let counted = 0;
      let lastPush = performance.now();
      // a rebuild may also be requested while this pass runs: its steps clear marks and count nothing
      let rebuilt = s.timeline.rebuilding;
      for (;;) {
        const step = stepper.next();
        counted += step.counted;
        if (!step.more) break;
        rebuilt ||= step.counted === 0;
        if (rebuilt && performance.now() - lastPush >= PROGRESS_MS) {
          s.bus.emit('timeline.changed', { rebuilding: s.timeline.rebuilding, counted });
          lastPush = performance.now();
        }
        await yieldToEventLoop();
      }
      if (counted > 0 || rebuilt) s.bus.emit('timeline.changed', { rebuilding: false, counted });
    },
  });
}
