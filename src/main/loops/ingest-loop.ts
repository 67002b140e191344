import type { Logger } from 'pino';
import { ingestFile } from '../imports/ingest-file';
import type { Services } from '../services';
import { createLoop, type Loop } from './loop';

const POLL_MS = 1000;

/** Streams each new import's file into staged rows (resuming one left mid-way by a crash), pushing progress. */
export const createIngestLoop = (s: Services, logger: Logger): Loop =>
  createLoop({
    name: 'ingest',
    intervalMs: POLL_MS,
    clock: s.clock,
    logger,
    async pass() {
      for (let id = s.imports.nextIn(['pending', 'ingesting']); id !== null; id = s.imports.nextIn(['pending', 'ingesting'])) {
        const importId = id;
        const push = () => {
          const summary = s.imports.get(importId);
          if (summary) s.bus.emit('imports.progress', summary);
        };
        try {
          await ingestFile(s.store.sqlite, importId, { now: () => s.clock.now(), onProgress: push });
        } catch (error) {
          logger.warn({ err: error, importId }, 'ingest failed');
          s.imports.finish(importId, 'failed', error instanceof Error ? error.message : String(error));
        }
        push();
      }
    },
  });
