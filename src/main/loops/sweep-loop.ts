import type { Logger } from 'pino';
import type { Services } from '../services';
import { createLoop, type Loop } from './loop';

const SWEEP_EVERY_MS = 5 * 60_000;

/** Removes expired sessions and spent or expired login codes. */
export const createSweepLoop = (s: Services, logger: Logger): Loop =>
  createLoop({
    name: 'sweep',
    intervalMs: SWEEP_EVERY_MS,
    clock: s.clock,
    logger,
    async pass() {
      const removed = await s.sessions.sweep();
      if (removed > 0) logger.debug({ removed }, 'swept expired sessions and login codes');
    },
  });
