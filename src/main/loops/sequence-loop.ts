import type { Logger } from 'pino';
import type { Services } from '../services';
import { SequenceRunner } from '../sequences/sequence-runner';
import { createLoop, type Loop } from './loop';

const SEQUENCE_EVERY_MS = 30_000;

/** Advances due sequence enrollments: stop conditions, branches, the next step's outreach and its due time. */
export function createSequenceLoop(services: Pick<Services, 'store' | 'bus' | 'clock'>, logger: Logger, options: { intervalMs?: number } = {}): Loop {
  const runner = new SequenceRunner(services.store.sqlite, services.bus);
  return createLoop({
    name: 'sequence',
    intervalMs: options.intervalMs ?? SEQUENCE_EVERY_MS,
    clock: services.clock,
    logger,
    async pass() {
      const counts = await runner.pass(services.clock.now());
      if (counts.created + counts.stopped + counts.completed + counts.skipped > 0) logger.debug({ ...counts }, 'sequences advanced');
    },
  });
}
