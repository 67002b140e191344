import type { Logger } from 'pino';
import { BulkRunner } from '../bulk/bulk-runner';
import { yieldToEventLoop } from './yield-to-event-loop';
import type { Services } from '../services';
import { BatchSizer } from './batch-sizer';
import { createLoop, type Loop } from './loop';

const POLL_MS = 500;

/** How the bulk loop batches its work. */
export interface BulkLoopOptions {
  /** A fixed number of leads per transaction (tests stop an operation midway with it); by default batches are sized to ~50 ms. */
  readonly batchSize?: number;
}

/**
 * Runs pending and interrupted bulk operations, oldest first, batch by batch, pushing `bulk.progress` after every
 * batch and `leads.changed` when an operation that changes leads ends. Stopping ends the pass between two batches.
 */
export function createBulkLoop(s: Services, logger: Logger, options: BulkLoopOptions = {}): Loop {
  // Like the import loop: a transaction blocks the API, so each takes about 50 ms whatever the machine and the filter cost.
  const sizer = new BatchSizer({ targetMs: 50, initial: 200, min: 50, max: 5000 });
  const runBatch = (id: number) => {
    if (options.batchSize !== undefined) return runner.runBatch(id, options.batchSize);
    return sizer.timed((size) => runner.runBatch(id, size), (_step, size) => size);
  };
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
          while (runBatch(id) === 'more') {
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
