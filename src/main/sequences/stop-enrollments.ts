import type { Database, Statement } from 'better-sqlite3';

/** Why an enrollment stopped. */
export type StopReason = 'replied' | 'bounced' | 'unsubscribed' | 'suppressed' | 'not_accepted' | 'company_replied' | 'operator';

interface StopStatements {
  readonly live: Statement<[number], { id: number }>;
  readonly colleagues: Statement<[number], { id: number }>;
  readonly stop: Statement<[string, number, number, number]>;
  readonly abortPlanned: Statement<[string, number, number, number]>;
}

const cache = new WeakMap<Database, StopStatements>();

function statements(sqlite: Database): StopStatements {
  let st = cache.get(sqlite);
  if (!st) {
    st = {
      live: sqlite.prepare("SELECT id FROM enrollments WHERE lead_id = ? AND status IN ('active', 'paused')"),
      // Live enrollments of the lead's colleagues in sequences that stop when anyone at the company replied.
      colleagues: sqlite.prepare(`SELECT e.id FROM leads me
        JOIN leads other ON other.company_id = me.company_id AND other.id <> me.id
        JOIN enrollments e ON e.lead_id = other.id AND e.status IN ('active', 'paused')
        JOIN sequences s ON s.id = e.sequence_id AND json_extract(s.stop_conditions, '$.companyReplied') = 1
        WHERE me.id = ? AND me.company_id IS NOT NULL`),
      stop: sqlite.prepare(`UPDATE enrollments SET status = 'stopped', stop_reason = ?, finished_at = ?, updated_at = ?, next_step_due_at = NULL
        WHERE id = ? AND status IN ('active', 'paused')`),
      // A step already planned but not yet claimed must not go out after the stop.
      abortPlanned: sqlite.prepare(`UPDATE outreach SET status = 'aborted', error_kind = 'policy', error_text = ?, finished_at = ?, updated_at = ?
        WHERE enrollment_id = ? AND direction = 'outgoing' AND status = 'pending'`),
    };
    cache.set(sqlite, st);
  }
  return st;
}

function stopOne(st: StopStatements, id: number, reason: StopReason, now: number): boolean {
  if (st.stop.run(reason, now, now, id).changes === 0) return false;
  st.abortPlanned.run(`sequence stopped: ${reason}`, now, now, id);
  return true;
}

/**
 * Stops every live enrollment of a lead (and, on a reply, of its colleagues in sequences that stop when the company
 * replied) and aborts their planned, unsent steps. Synchronous; runs inside the caller's transaction if there is one.
 * Returns how many enrollments stopped.
 */
export function stopEnrollments(sqlite: Database, input: { leadId: number; reason: StopReason; now: number }): number {
  const st = statements(sqlite);
  let stopped = 0;
  for (const { id } of st.live.all(input.leadId)) if (stopOne(st, id, input.reason, input.now)) stopped += 1;
  if (input.reason === 'replied') {
    for (const { id } of st.colleagues.all(input.leadId)) if (stopOne(st, id, 'company_replied', input.now)) stopped += 1;
  }
  return stopped;
}

/** Stops one enrollment by id (the operator's manual stop); false when it was not live. */
export function stopEnrollment(sqlite: Database, input: { enrollmentId: number; reason: StopReason; now: number }): boolean {
  return stopOne(statements(sqlite), input.enrollmentId, input.reason, input.now);
}
