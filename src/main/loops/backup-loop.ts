import type { Logger } from 'pino';
import type { Backups } from '../backup/backups';
import type { Clock } from '../../shared/clock';
import { createLoop, type Loop } from './loop';

/** The loop wakes this often and backs up when the last scheduled backup is older than the interval setting. */
const CHECK_EVERY_MS = 60_000;

/** Takes a scheduled backup when the last one is older than the interval, then prunes by retention. */
export const createBackupLoop = (deps: { readonly backups: Backups; readonly clock: Clock }, logger: Logger): Loop =>
  createLoop({
    name: 'backup',
    intervalMs: CHECK_EVERY_MS,
    clock: deps.clock,
    logger,
    async pass() {
      const { backups, clock } = deps;
      if (!backups.integrity.ok) return;
      const last = backups.list().find((b) => b.reason === 'scheduled');
      if (last && clock.now() - last.at < backups.settings().intervalMinutes * 60_000) return;
      const taken = await backups.create('scheduled');
      const pruned = backups.prune();
      logger.info({ backup: taken.id, bytes: taken.bytes, pruned: pruned.length }, 'scheduled backup');
    },
  });
