import type { Database } from 'better-sqlite3';
import { UpsertEngine } from '../leads/upsert-engine';
import type { WorkEngine } from '../work/work-engine';
import { applyJobOutcome } from './apply-job-outcome';
import { JobStatements } from './job-statements';
import { resolveScrapeParams } from './scrape-params';

/**
 * Registers the scrape job hooks: at claim the job's params become the source's scrolling, delays and event limit
 * over its type's defaults; a finished job's events, leads, counters and next page are applied in its transaction.
 */
export function registerJobHooks(
  engine: Pick<WorkEngine, 'onClaim' | 'onOutcome'>,
  services: { readonly store: { readonly sqlite: Database }; readonly clock: { now(): number } },
): void {
  const sqlite = services.store.sqlite;
  const st = new JobStatements(sqlite);
  const upserts = new UpsertEngine(sqlite, () => services.clock.now());
  engine.onClaim('job', (ctx, params) => {
    const job = st.job.get(ctx.recordId);
    return job ? { ...params, params: resolveScrapeParams(job) } : params;
  });
  engine.onOutcome('job', (ctx, outcome) => applyJobOutcome(st, upserts, ctx, outcome));
}
