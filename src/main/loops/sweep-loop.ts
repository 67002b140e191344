import type { Logger } from 'pino';
import { SnapshotPruner } from '../browser/prune-snapshots';
import { snapshotDir } from '../browser/worker-browser-settings';
import type { Services } from '../services';
import type { Supervisor } from '../supervisor/supervisor';
import type { ExpiredLease, WorkSource } from '../supervisor/work-source';
import { createLoop, type Loop } from './loop';

/** Often enough that a crashed worker's item comes back soon after its lease ends. */
const SWEEP_EVERY_MS = 15_000;

/** What one work sweep did. */
export interface WorkSweep {
  readonly expired: readonly ExpiredLease[];
  /** Workers restarted by the watchdog because they were still busy with an item whose lease ran out. */
  readonly restarted: number;
}

/** Takes back items whose lease ran out (pending again, failed, or unknown if an effect began) and restarts workers stalled on them. */
export function sweepWork(work: WorkSource, supervisor: Pick<Supervisor, 'restartStalled'>): WorkSweep {
  const expired = work.expireLeases();
  return { expired, restarted: expired.length > 0 ? supervisor.restartStalled(expired) : 0 };
}

/** Takes back lost leases (with the stalled-worker watchdog) and removes expired sessions and spent or expired login codes. */
export const createSweepLoop = (s: Services, logger: Logger, snapshots = new SnapshotPruner(snapshotDir(s.info.dataDir))): Loop =>
  createLoop({
    name: 'sweep',
    intervalMs: SWEEP_EVERY_MS,
    clock: s.clock,
    logger,
    async pass() {
      const { expired, restarted } = sweepWork(s.work, s.supervisor);
      if (expired.length > 0) logger.warn({ expired: expired.length, restarted }, 'took back items whose lease ran out');
      const removed = await s.sessions.sweep();
      if (removed > 0) logger.debug({ removed }, 'swept expired sessions and login codes');
      // File times are wall-clock times, so their age is measured on the wall clock too.
      const pruned = await snapshots.maybePrune(Date.now());
      if (pruned > 0) logger.info({ pruned }, 'pruned old failure snapshots');
    },
  });
