import type { Logger } from 'pino';
import { DueReminderWatch } from '../reminders/due-watch';
import type { Services } from '../services';
import { createLoop, type Loop } from './loop';

const REMINDER_EVERY_MS = 30_000;

/** Pushes `reminders.due` when open reminders come due. */
export function createReminderLoop(s: Pick<Services, 'reminders' | 'bus' | 'clock'>, logger: Logger, options: { intervalMs?: number } = {}): Loop {
  const watch = new DueReminderWatch(s.reminders, s.bus);
  return createLoop({
    name: 'reminder',
    intervalMs: options.intervalMs ?? REMINDER_EVERY_MS,
    clock: s.clock,
    logger,
    async pass() {
      watch.check(s.clock.now());
    },
  });
}
