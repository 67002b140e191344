import type { Logger } from 'pino';
import { StagedRowMerger } from '../imports/merge-staged-rows';
import type { Services } from '../services';
import { createLoop, type Loop } from './loop';

const POLL_MS = 1000;
const BATCH_ROWS = 500;

// Between batches the event loop serves the API, so the dashboard stays responsive during a big import.
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Merges staged rows into leads batch by batch, pushing progress; marks the import done when no row is left. */
export function createImportLoop(s: Services, logger: Logger): Loop {
  const merger = new StagedRowMerger(s.store.sqlite, () => s.clock.now());
  return createLoop({
    name: 'import',
    intervalMs: POLL_MS,
    clock: s.clock,
    logger,
    async pass() {
      for (let id = s.imports.nextIn(['importing']); id !== null; id = s.imports.nextIn(['importing'])) {
        try {
          for (let batch = merger.mergeBatch(id, BATCH_ROWS); ; batch = merger.mergeBatch(id, BATCH_ROWS)) {
            const summary = s.imports.get(id);
            if (summary && !batch.done) s.bus.emit('imports.progress', summary);
            if (batch.done) break;
            await yieldToEventLoop();
          }
          s.imports.finish(id, 'done');
        } catch (error) {
          logger.warn({ err: error, importId: id }, 'import failed');
          s.imports.finish(id, 'failed', error instanceof Error ? error.message : String(error));
        }
        const summary = s.imports.get(id);
        if (summary) s.bus.emit('imports.progress', summary);
        s.bus.emit('leads.changed', { reason: 'import', total: await s.leads.count() });
      }
    },
  });
}
