import type { Database } from 'better-sqlite3';
import type { Clock } from '../../shared/clock';
import { UpsertEngine } from '../leads/upsert-engine';
import type { WorkEngine } from '../work/work-engine';
import { verificationApplier } from './apply-verification';
import { verificationPayload } from './verification-payload';

/** Registers email verification on the work engine: verify_email items carry the lead's email, and their verdicts land on the lead. */
export function registerVerificationHooks(
  engine: Pick<WorkEngine, 'onClaim' | 'onOutcome'>,
  services: { readonly store: { readonly sqlite: Database }; readonly clock: Clock },
): void {
  const { sqlite } = services.store;
  engine.onClaim('enrichment', verificationPayload(sqlite));
  engine.onOutcome('enrichment', verificationApplier(sqlite, new UpsertEngine(sqlite, () => services.clock.now())));
}
