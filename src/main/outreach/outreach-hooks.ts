import type { Database } from 'better-sqlite3';
import type { WorkEngine } from '../work/work-engine';
import { applySendOutcome } from './apply-send-outcome';
import { buildEmailPayload } from './build-email-payload';
import { OutreachStatements } from './outreach-statements';
import { SuppressionList } from './suppression-check';

/** Registers the email payload builder and outcome applier for outreach items with the work engine. */
export function registerOutreachHooks(engine: Pick<WorkEngine, 'onClaim' | 'onOutcome'>, services: { readonly store: { readonly sqlite: Database } }): void {
  const st = new OutreachStatements(services.store.sqlite);
  const suppressions = new SuppressionList(services.store.sqlite);
  engine.onClaim('outreach', buildEmailPayload(st, suppressions));
  engine.onOutcome('outreach', applySendOutcome(st, suppressions));
}
