import type { Database } from 'better-sqlite3';
import type { Clock } from '../../shared/clock';
import { UpsertEngine } from '../leads/upsert-engine';
import type { WorkEngine } from '../work/work-engine';
import { enrichmentApplier } from './apply-enrichment';
import { enrichmentPayload } from './enrichment-payload';

/** Registers HTTP provider enrichments on the work engine: lookups carry who they are about, and found values land on the lead. */
export function registerEnrichmentHooks(
  engine: Pick<WorkEngine, 'onClaim' | 'onOutcome'>,
  services: { readonly store: { readonly sqlite: Database }; readonly clock: Clock },
): void {
  const { sqlite } = services.store;
  engine.onClaim('enrichment', enrichmentPayload(sqlite));
  engine.onOutcome('enrichment', enrichmentApplier(sqlite, new UpsertEngine(sqlite, () => services.clock.now())));
}
