import type { Database, Statement } from 'better-sqlite3';
import { isSuppressed } from '../suppression/is-suppressed';
import { addSendingDays, readSendingCalendar, startOfLocalDay } from './sending-calendar';
import { sequenceSchedule } from './sequence-json';

/** Why a lead was not enrolled. */
export type EnrollRefusal = 'suppressed' | 'already_enrolled' | 'sequence_not_active' | 'no_address' | 'daily_cap';

/** What an enrollment request did. */
export interface EnrollResult {
  readonly enrolled: number[];
  readonly refused: { leadId: number; reason: EnrollRefusal }[];
}

interface SequenceRow {
  status: string;
  schedule: string | null;
}

interface FirstStep {
  id: number;
  delay_days: number;
  address_field: string | null;
}

interface LeadRow {
  email: string | null;
  linkedin_url: string | null;
  facebook_url: string | null;
  domain: string | null;
}

interface EnrollStatements {
  readonly sequence: Statement<[number], SequenceRow>;
  readonly firstStep: Statement<[number], FirstStep>;
  readonly lead: Statement<[number], LeadRow>;
  readonly enrolledBefore: Statement<[number, number], { id: number }>;
  readonly enrolledSince: Statement<[number, number], { n: number }>;
  readonly insert: Statement<[number, number, number | null, number | null, number | null, number, number]>;
}

const cache = new WeakMap<Database, EnrollStatements>();

function statements(sqlite: Database): EnrollStatements {
  let st = cache.get(sqlite);
  if (!st) {
    st = {
      sequence: sqlite.prepare('SELECT status, schedule FROM sequences WHERE id = ? AND deleted_at IS NULL'),
      // The first step's channel decides whether the lead can be reached at all.
      firstStep: sqlite.prepare(`SELECT s.id, s.delay_days, t.address_field FROM sequence_steps s JOIN outreach_types t ON t.id = s.outreach_type_id
        WHERE s.sequence_id = ? AND s.deleted_at IS NULL ORDER BY s.position, s.id LIMIT 1`),
      lead: sqlite.prepare(`SELECT l.email, l.linkedin_url, l.facebook_url, c.domain FROM leads l LEFT JOIN companies c ON c.id = l.company_id AND c.deleted_at IS NULL
        WHERE l.id = ? AND l.deleted_at IS NULL`),
      // A lead goes through a sequence once: a finished or stopped enrollment is not restarted.
      enrolledBefore: sqlite.prepare('SELECT id FROM enrollments WHERE sequence_id = ? AND lead_id = ? LIMIT 1'),
      enrolledSince: sqlite.prepare('SELECT COUNT(*) AS n FROM enrollments WHERE sequence_id = ? AND created_at >= ?'),
      insert: sqlite.prepare(`INSERT INTO enrollments (sequence_id, lead_id, rule_instance_id, next_step_id, next_step_due_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
    };
    cache.set(sqlite, st);
  }
  return st;
}

const hasAddress = (lead: LeadRow, field: string | null): boolean =>
  field === null || Boolean(field === 'email' ? lead.email : field === 'linkedin' ? lead.linkedin_url : lead.facebook_url);

/**
 * Enrolls leads in a sequence, refusing each lead that is suppressed, already went through it, cannot be reached on
 * the first step's channel, or is over the sequence's daily enrollment cap (counted per local day of the operator's
 * timezone); an inactive sequence refuses everyone. The first step is due after its delay in sending days.
 * Synchronous; runs inside the caller's transaction if there is one.
 */
export function enrollLeads(
  sqlite: Database,
  input: { sequenceId: number; leadIds: readonly number[]; ruleInstanceId?: number | null; now: number },
): EnrollResult {
  const st = statements(sqlite);
  return sqlite.transaction((): EnrollResult => {
    const enrolled: number[] = [];
    const refused: EnrollResult['refused'] = [];
    const sequence = st.sequence.get(input.sequenceId);
    const first = sequence?.status === 'active' ? st.firstStep.get(input.sequenceId) : undefined;
    if (!sequence || !first) return { enrolled, refused: input.leadIds.map((leadId) => ({ leadId, reason: 'sequence_not_active' as const })) };
    const calendar = readSendingCalendar(sqlite);
    const cap = sequenceSchedule(sequence.schedule).dailyEnrollmentCap;
    let room = cap === null ? Number.POSITIVE_INFINITY : cap - (st.enrolledSince.get(input.sequenceId, startOfLocalDay(calendar, input.now))?.n ?? 0);
    const due = addSendingDays(calendar, input.now, first.delay_days);
    for (const leadId of new Set(input.leadIds)) {
      const lead = st.lead.get(leadId);
      const reason: EnrollRefusal | null = !lead
        ? 'no_address'
        : st.enrolledBefore.get(input.sequenceId, leadId)
          ? 'already_enrolled'
          : isSuppressed(sqlite, { email: lead.email, domain: lead.domain, linkedinUrl: lead.linkedin_url, facebookUrl: lead.facebook_url })
            ? 'suppressed'
            : !hasAddress(lead, first.address_field)
              ? 'no_address'
              : room <= 0
                ? 'daily_cap'
                : null;
      if (reason) {
        refused.push({ leadId, reason });
        continue;
      }
      st.insert.run(input.sequenceId, leadId, input.ruleInstanceId ?? null, first.id, due, input.now, input.now);
      enrolled.push(leadId);
      room -= 1;
    }
    return { enrolled, refused };
  })();
}
