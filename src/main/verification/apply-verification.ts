import type { Database, Statement } from 'better-sqlite3';
import { verificationOutput } from '../../shared/email-verification';
import type { UpsertEngine } from '../leads/upsert-engine';
import type { OutcomeApplier } from '../work/work-hooks';
import { VERIFY_EMAIL } from './verification-payload';

/**
 * An outcome applier that writes a performed verify_email item's verdict onto its lead through the upsert path
 * (provenance: this enrichment). A verdict for an address the lead no longer has is kept on the item only.
 */
export function verificationApplier(sqlite: Database, upsert: UpsertEngine): OutcomeApplier {
  const target: Statement<[number], { lead_id: number; email: string | null }> = sqlite.prepare(
    'SELECT l.id AS lead_id, l.email FROM enrichments AS e JOIN leads AS l ON l.id = e.lead_id WHERE e.id = ? AND l.deleted_at IS NULL',
  );
  return (ctx, outcome) => {
    if (ctx.typeCode !== VERIFY_EMAIL || outcome.outcome !== 'performed') return;
    const output = verificationOutput.safeParse(outcome.output);
    if (!output.success) return;
    const lead = target.get(ctx.recordId);
    if (!lead || lead.email?.toLowerCase() !== output.data.email.toLowerCase()) return;
    upsert.upsertLead({ id: lead.lead_id, emailVerification: output.data.verdict }, { kind: 'enrichment', id: ctx.recordId });
  };
}
