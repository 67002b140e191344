import type { Logger } from 'pino';
import { BulkRunner } from '../bulk/bulk-runner';
import { yieldToEventLoop } from '../bulk/yield-to-event-loop';
import type { Services } from '../services';
import { createLoop, type Loop } from './loop';

const POLL_MS = 500;

/** How the bulk loop batches its work. */
export interface BulkLoopOptions {
  /** Leads per transaction; tests use small batches to stop an operation midway. */
  readonly batchSize?: number;
}

/**
 * Runs pending and interrupted bulk operations, oldest first, batch by batch, pushing `bulk.progress` after every
 * batch and `leads.changed` when an operation that changes leads ends. Stopping ends the pass between two batches.
 */
export function createBulkLoop(s: Services, logger: Logger, options: BulkLoopOptions = {}): Loop {
  const batchSize = options.batchSize ?? 1000;
  const runner = new BulkRunner(s.store.sqlite, () => s.clock.now());
  let stopping = false;
  const report = (id: number) => {
    const op = s.bulk.get(id);
    if (op) s.bus.emit('bulk.progress', op);
    return op;
  };
  const loop = createLoop({
    name: 'bulk',
    intervalMs: POLL_MS,
    clock: s.clock,
    logger,
    async pass() {
      for (let id = s.bulk.nextOpen(); id !== null && !stopping; id = s.bulk.nextOpen()) {
        try {
          while (runner.runBatch(id, batchSize) === 'more') {
            report(id);
            await yieldToEventLoop();
            if (stopping) return;
          }
        } catch (error) {
          logger.warn({ err: error, bulkId: id }, 'bulk operation failed');
          s.bulk.fail(id, error instanceof Error ? error.message : String(error));
        }
        const op = report(id);
        if (op && op.kind !== 'export') s.bus.emit('leads.changed', { reason: 'bulk', total: await s.leads.count() });
      }
    },
  });
  return {
    ...loop,
    start() {
      stopping = false;
      loop.start();
    },
    async stop() {
      stopping = true;
      await loop.stop();
    },
  };
}
