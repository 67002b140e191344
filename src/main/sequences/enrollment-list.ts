import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { enrollmentItem } from '../../shared/contract/schemas/sequences';
import { toIso, toIsoOrNull } from '../../shared/iso-time';
import { leadLabelSql } from './lead-label';

type EnrollmentItem = z.infer<typeof enrollmentItem>;

interface Row {
  id: number;
  lead_id: number;
  lead_label: string | null;
  status: EnrollmentItem['status'];
  stop_reason: string | null;
  position: number | null;
  next_step_due_at: number | null;
  profile_id: number | null;
  created_at: number;
}

/** Enrollments of a sequence, newest first, keyset-paged by id. */
export function enrollmentList(
  sqlite: Database,
  input: { id: number; status?: EnrollmentItem['status'] | undefined; beforeId?: number | undefined; limit: number },
): EnrollmentItem[] {
  const rows = sqlite
    .prepare(
      `SELECT e.id, e.lead_id, ${leadLabelSql('l')} AS lead_label, e.status, e.stop_reason, s.position, e.next_step_due_at, e.profile_id, e.created_at
       FROM enrollments e JOIN leads l ON l.id = e.lead_id LEFT JOIN sequence_steps s ON s.id = e.next_step_id
       WHERE e.sequence_id = @id AND (@status IS NULL OR e.status = @status) AND (@beforeId IS NULL OR e.id < @beforeId)
       ORDER BY e.id DESC LIMIT @limit`,
    )
    .all({ id: input.id, status: input.status ?? null, beforeId: input.beforeId ?? null, limit: input.limit }) as Row[];
  return rows.map((r) => ({
    id: r.id,
    leadId: r.lead_id,
    leadLabel: r.lead_label,
    status: r.status,
    stopReason: r.stop_reason,
    nextStepPosition: r.status === 'active' ? r.position : null,
    nextStepDueAt: toIsoOrNull(r.next_step_due_at),
    profileId: r.profile_id,
    createdAt: toIso(r.created_at),
  }));
}
