import type { Logger } from 'pino';
import { StagedRowMerger } from '../imports/merge-staged-rows';
import type { Services } from '../services';
import { BatchSizer } from './batch-sizer';
import { withBulkPragmas } from './bulk-pragmas';
import { createLoop, type Loop } from './loop';
import { yieldToEventLoop } from './yield-to-event-loop';

const POLL_MS = 1000;
// One merge transaction takes about this long, commit included: the API waits at most that between two yields.
const BATCH_MS = 50;

/** Merges staged rows into leads batch by batch, pushing progress; marks the import done when no row is left. */
export function createImportLoop(s: Services, logger: Logger): Loop {
  const merger = new StagedRowMerger(s.store.sqlite, () => s.clock.now());
  const sizer = new BatchSizer({ targetMs: BATCH_MS, initial: 100, min: 25, max: 5000 });
  return createLoop({
    name: 'import',
    intervalMs: POLL_MS,
    clock: s.clock,
    logger,
    pass: () => (s.imports.nextIn(['importing']) === null ? Promise.resolve() : withBulkPragmas(s.store.sqlite, mergeAll)),
  });

  async function mergeAll(): Promise<void> {
    for (let id = s.imports.nextIn(['importing']); id !== null; id = s.imports.nextIn(['importing'])) {
      try {
        for (;;) {
          const batch = sizer.timed((size) => merger.mergeBatch(id, size), (result) => result.processed);
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
  }
}
