import type { Database } from 'better-sqlite3';

/** Results of one variant. */
export interface VariantCounts {
  sent: number;
  replied: number;
  accepted: number;
  bounced: number;
}

/** Results per variant of a sequence: rows sent with it, and the replies, acceptances and bounces that answer those rows. */
export function variantResults(sqlite: Database, sequenceId: number): Map<number, VariantCounts> {
  const rows = sqlite
    .prepare(
      `SELECT o.sequence_variant_id AS id,
         SUM(o.status = 'performed') AS sent,
         SUM(EXISTS (SELECT 1 FROM outreach r WHERE r.parent_outreach_id = o.id AND r.direction = 'incoming' AND r.incoming_kind = 'reply')) AS replied,
         SUM(EXISTS (SELECT 1 FROM outreach r WHERE r.parent_outreach_id = o.id AND r.direction = 'accepted')) AS accepted,
         SUM(EXISTS (SELECT 1 FROM outreach r WHERE r.parent_outreach_id = o.id AND r.direction = 'incoming' AND r.incoming_kind = 'hard_bounce')) AS bounced
       FROM sequence_steps s JOIN sequence_variants v ON v.sequence_step_id = s.id
       JOIN outreach o ON o.sequence_variant_id = v.id AND o.direction = 'outgoing'
       WHERE s.sequence_id = ? GROUP BY o.sequence_variant_id`,
    )
    .all(sequenceId) as (VariantCounts & { id: number })[];
  return new Map(rows.map(({ id, ...counts }) => [id, counts]));
}
