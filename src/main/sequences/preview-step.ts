import type { Database } from 'better-sqlite3';
import type { OutreachPreview } from '../../shared/contract/schemas/outreach';
import { LeadMergeValues } from '../outreach/lead-merge-values';
import { renderForLead } from '../outreach/render-for-lead';
import { chooseVariant, variantSeed } from './choose-variant';

interface VariantRow {
  id: number;
  step_id: number;
  subject: string | null;
  body: string;
  weight: number;
}

/**
 * A step's variant rendered for one lead: the given variant, or the one the lead's enrollment gets (by the same
 * seed the loop uses), or the first by weight for a lead not enrolled. The first step unless `stepId` is given.
 */
export function previewStep(
  sqlite: Database,
  input: { id: number; leadId: number; stepId?: number | undefined; variantId?: number | undefined },
): (OutreachPreview & { stepId: number; variantId: number }) | { error: string } {
  const step = sqlite
    .prepare('SELECT id FROM sequence_steps WHERE sequence_id = ? AND deleted_at IS NULL AND (? IS NULL OR id = ?) ORDER BY position, id LIMIT 1')
    .get(input.id, input.stepId ?? null, input.stepId ?? null) as { id: number } | undefined;
  if (!step) return { error: `stepId: sequence ${input.id} has no such step` };
  const variants = sqlite
    .prepare('SELECT id, sequence_step_id AS step_id, subject, body, weight FROM sequence_variants WHERE sequence_step_id = ? AND deleted_at IS NULL ORDER BY id')
    .all(step.id) as VariantRow[];
  const enrollment = sqlite.prepare('SELECT id FROM enrollments WHERE sequence_id = ? AND lead_id = ? ORDER BY id DESC LIMIT 1').get(input.id, input.leadId) as
    | { id: number }
    | undefined;
  const variant =
    input.variantId !== undefined
      ? variants.find((v) => v.id === input.variantId)
      : (chooseVariant(variants, variantSeed(enrollment?.id ?? 0, step.id)) ?? variants[0]);
  if (!variant) return { error: `variantId: step ${step.id} has no such variant` };
  const data = new LeadMergeValues(sqlite).of(input.leadId);
  if (!data) return { error: `leadId: lead ${input.leadId} does not exist` };
  return { ...renderForLead(input.leadId, data, { subject: variant.subject ?? '', body: variant.body }), stepId: step.id, variantId: variant.id };
}
