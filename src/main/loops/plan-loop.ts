import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Clock } from '../../shared/clock';
import type { ConnectivityMonitor, ResumeCause } from '../connectivity/connectivity-monitor';
import { Planner, type PlannerOptions } from '../plan/planner';
import type { QuotaPlanner } from '../quota/quota-gate';
import { createLoop, type Loop } from './loop';

const PLAN_EVERY_MS = 30_000;
// Soon after a start, so work left by a quit or a crash is planned again without waiting a whole interval.
const FIRST_PLAN_AFTER_MS = 2_000;

/** What the plan loop works with. */
export interface PlanLoopDeps {
  readonly sqlite: Database;
  readonly quotas: QuotaPlanner;
  readonly connectivity: ConnectivityMonitor;
  readonly clock: Clock;
}

/**
 * Creates due checks and jobs, assigns approved work to profiles and spreads it by quota; after a reconnect or a
 * wake it runs at once and re-plans everything that fell due meanwhile, reporting the catch-up to the dashboard.
 */
export function createPlanLoop(deps: PlanLoopDeps, logger: Logger, options: PlannerOptions & { intervalMs?: number; firstDelayMs?: number } = {}): Loop {
  const planner = new Planner(deps.sqlite, deps.quotas, deps.connectivity, options);
  let resumed: ResumeCause | null = null;
  const loop = createLoop({
    name: 'plan',
    intervalMs: options.intervalMs ?? PLAN_EVERY_MS,
    firstDelayMs: options.firstDelayMs ?? Math.min(FIRST_PLAN_AFTER_MS, options.intervalMs ?? PLAN_EVERY_MS),
    clock: deps.clock,
    logger,
    async pass() {
      const catchUp = resumed !== null;
      const now = deps.clock.now();
      const result = await planner.pass(now, { catchUp });
      // a resume that arrived during a pass which already re-planned the missed items is reported by that pass
      if (resumed !== null && (catchUp || result.caughtUp.items > 0)) {
        deps.connectivity.noteCatchUp({ cause: resumed, at: now, ...result.caughtUp });
        resumed = null;
      }
      if (result.assigned + result.moved + result.jobs + result.inboxChecks + result.connectionChecks > 0) logger.debug({ ...result }, 'planned');
    },
  });
  deps.connectivity.onResume((cause) => {
    resumed = cause;
    // a pass already running may have started before the resume; run again so the catch-up sees the new state
    void loop.runOnce().then(() => (resumed ? loop.runOnce() : undefined));
  });
  return loop;
}
