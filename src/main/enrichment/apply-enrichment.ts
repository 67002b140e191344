import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { UpsertEngine } from '../leads/upsert-engine';
import type { OutcomeApplier } from '../work/work-hooks';
import { HTTP_ENRICHMENTS } from './enrichment-payload';

const text = z.string().min(1).nullable().optional();
const values = z.object({ email: text, phone: text });
const people = z.object({
  people: z.array(z.object({ firstName: text, lastName: text, email: text, jobTitle: text, phone: text, linkedinUrl: text })),
});
const waitAsked = z.object({ retryAfterSeconds: z.number().nonnegative() });

/**
 * An outcome applier for HTTP provider lookups. A found email or phone lands on the lead through the upsert path
 * (provenance: this enrichment); an email another live lead already has stays on the item only. People found at a
 * company are upserted as its leads (matched by email or LinkedIn like any upsert); a person with no name, email or
 * LinkedIn is skipped. A transient failure
 * whose provider asked for a wait (Retry-After) is not retried sooner than that: the engine's own retry only backs off.
 * Verdicts of verify_email are written by the verification applier.
 */
export function enrichmentApplier(sqlite: Database, upsert: UpsertEngine): OutcomeApplier {
  const lead: Statement<[number], { id: number }> = sqlite.prepare(
    'SELECT l.id FROM enrichments AS e JOIN leads AS l ON l.id = e.lead_id WHERE e.id = ? AND l.deleted_at IS NULL',
  );
  const emailTaken = sqlite
    .prepare<[string, number], number>('SELECT 1 FROM leads WHERE email_norm = ? AND deleted_at IS NULL AND id <> ?')
    .pluck();
  const company = sqlite.prepare<[number], number | null>('SELECT company_id FROM enrichments WHERE id = ?').pluck();
  const postpone: Statement<[number, number]> = sqlite.prepare("UPDATE enrichments SET due_at = max(due_at, ?) WHERE id = ? AND status = 'pending'");
  return (ctx, outcome) => {
    if (!HTTP_ENRICHMENTS.has(ctx.typeCode)) return;
    if (outcome.outcome === 'failed') {
      const wait = waitAsked.safeParse(outcome.output);
      if (outcome.errorKind === 'transient' && wait.success) postpone.run(ctx.now + wait.data.retryAfterSeconds * 1000, ctx.recordId);
      return;
    }
    if (outcome.outcome !== 'performed') return;
    const companyId = company.get(ctx.recordId);
    const found = people.safeParse(outcome.output);
    if (companyId && found.success) {
      const named = found.data.people.filter((p) => p.email || p.linkedinUrl || p.firstName || p.lastName);
      for (const person of named) upsert.upsertLead({ ...person, company: { id: companyId } }, { kind: 'enrichment', id: ctx.recordId });
      return;
    }
    const contact = values.safeParse(outcome.output);
    const target = lead.get(ctx.recordId);
    if (!contact.success || !target) return;
    const { email, phone } = contact.data;
    const newEmail = email && !emailTaken.get(email.trim().toLowerCase(), target.id) ? email : null;
    if (!newEmail && !phone) return;
    upsert.upsertLead({ id: target.id, email: newEmail, phone: phone ?? null }, { kind: 'enrichment', id: ctx.recordId });
  };
}
