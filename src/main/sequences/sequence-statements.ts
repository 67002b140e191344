import type { Database, Statement } from 'better-sqlite3';

/** A due enrollment with its next step. */
export interface DueRow {
  id: number;
  sequence_id: number;
  lead_id: number;
  profile_id: number | null;
  next_step_id: number | null;
  steps_done: number;
  created_at: number;
}

/** A step of a sequence as the loop reads it. */
export interface StepRow {
  id: number;
  sequence_id: number;
  position: number;
  type_code: string;
  delay_days: number;
  conditions: string;
  auto_approve: number;
  deleted_at: number | null;
}

/** One variant the loop can choose. */
export interface VariantRow {
  id: number;
  subject: string | null;
  body: string;
  weight: number;
}

/** The latest outreach an enrollment created. */
export interface LastOutreach {
  id: number;
  status: string;
  approval: string | null;
  profile_id: number | null;
  done_at: number | null;
}

/** What the lead answered since it was enrolled. */
export interface LeadAnswer {
  incoming_kind: 'reply' | 'hard_bounce' | 'unsubscribe';
}

/** The prepared statements of the sequence loop, prepared once per database. */
export class SequenceStatements {
  readonly dueFollowUps: Statement<[number, number], DueRow>;
  readonly dueFirst: Statement<[number, number], DueRow>;
  readonly step: Statement<[number], StepRow>;
  readonly nextStep: Statement<[number, number, number, number], StepRow>;
  readonly variants: Statement<[number], VariantRow>;
  readonly last: Statement<[number], LastOutreach>;
  readonly lead: Statement<[number], { email: string | null; linkedin_url: string | null; facebook_url: string | null; domain: string | null }>;
  readonly answer: Statement<[number, number], LeadAnswer>;
  readonly colleagueReplied: Statement<[number, number], { id: number }>;
  readonly sequence: Statement<[number], { stop_conditions: string; status: string }>;
  readonly invite: Statement<[number], { occurred_at: number }>;
  readonly accepted: Statement<[number, number, number], { id: number }>;
  readonly reschedule: Statement<[number, number, number]>;
  readonly moveTo: Statement<[number | null, number, number, number, number]>;
  readonly complete: Statement<[number, number, number]>;
  readonly setProfile: Statement<[number, number, number]>;
  readonly pinProfile: Statement<{ profile: number; id: number }>;
  readonly newAcceptances: Statement<[number, number], { id: number; lead_id: number }>;
  readonly wake: Statement<{ now: number; lead: number }>;
  readonly maxOutreachId: Statement<[], { id: number | null }>;

  constructor(sqlite: Database) {
    const due = `SELECT id, sequence_id, lead_id, profile_id, next_step_id, steps_done, created_at FROM enrollments`;
    this.dueFollowUps = sqlite.prepare(`${due} INDEXED BY enrollments_follow_up_due
      WHERE status = 'active' AND steps_done > 0 AND next_step_due_at <= ? ORDER BY next_step_due_at LIMIT ?`);
    this.dueFirst = sqlite.prepare(`${due} INDEXED BY enrollments_first_due
      WHERE status = 'active' AND steps_done = 0 AND next_step_due_at <= ? ORDER BY next_step_due_at LIMIT ?`);
    const step = `SELECT s.id, s.sequence_id, s.position, t.code AS type_code, s.delay_days, s.conditions, s.auto_approve, s.deleted_at
      FROM sequence_steps s JOIN outreach_types t ON t.id = s.outreach_type_id`;
    this.step = sqlite.prepare(`${step} WHERE s.id = ?`);
    // The live step after (position, id): edits renumber positions, so ties break by id.
    this.nextStep = sqlite.prepare(`${step} WHERE s.sequence_id = ? AND s.deleted_at IS NULL AND (s.position > ? OR (s.position = ? AND s.id > ?))
      ORDER BY s.position, s.id LIMIT 1`);
    this.variants = sqlite.prepare('SELECT id, subject, body, weight FROM sequence_variants WHERE sequence_step_id = ? AND deleted_at IS NULL ORDER BY id');
    this.last = sqlite.prepare(`SELECT id, status, approval, profile_id, COALESCE(occurred_at, finished_at) AS done_at FROM outreach
      WHERE enrollment_id = ? AND direction = 'outgoing' ORDER BY id DESC LIMIT 1`);
    this.lead = sqlite.prepare(`SELECT l.email, l.linkedin_url, l.facebook_url, c.domain FROM leads l LEFT JOIN companies c ON c.id = l.company_id AND c.deleted_at IS NULL
      WHERE l.id = ?`);
    // Any channel: an incoming row of the lead since it was enrolled, whoever wrote it.
    this.answer = sqlite.prepare(`SELECT incoming_kind FROM outreach INDEXED BY outreach_incoming_by_lead
      WHERE lead_id = ? AND direction = 'incoming' AND incoming_kind IN ('reply', 'hard_bounce', 'unsubscribe') AND created_at >= ?
      ORDER BY incoming_kind = 'reply' DESC LIMIT 1`);
    this.colleagueReplied = sqlite.prepare(`SELECT o.id FROM leads me JOIN leads other ON other.company_id = me.company_id AND other.id <> me.id
      JOIN outreach o ON o.lead_id = other.id AND o.direction = 'incoming' AND o.incoming_kind = 'reply' AND o.created_at >= ?
      WHERE me.id = ? AND me.company_id IS NOT NULL LIMIT 1`);
    this.sequence = sqlite.prepare('SELECT stop_conditions, status FROM sequences WHERE id = ?');
    this.invite = sqlite.prepare(`SELECT COALESCE(o.occurred_at, o.finished_at) AS occurred_at FROM outreach o JOIN outreach_types t ON t.id = o.outreach_type_id
      WHERE o.enrollment_id = ? AND o.direction = 'outgoing' AND o.status = 'performed' AND t.code IN ('linkedin_connect', 'facebook_friend')
      ORDER BY o.id DESC LIMIT 1`);
    this.accepted = sqlite.prepare(`SELECT id FROM outreach WHERE lead_id = ? AND direction = 'accepted'
      AND COALESCE(occurred_at, created_at) BETWEEN ? AND ? LIMIT 1`);
    this.reschedule = sqlite.prepare('UPDATE enrollments SET next_step_due_at = ?, updated_at = ? WHERE id = ?');
    this.moveTo = sqlite.prepare('UPDATE enrollments SET next_step_id = ?, next_step_due_at = ?, steps_done = steps_done + 1, updated_at = ? WHERE id = ? AND steps_done = ?');
    this.complete = sqlite.prepare(`UPDATE enrollments SET status = 'completed', next_step_id = NULL, next_step_due_at = NULL,
      finished_at = ?, updated_at = ? WHERE id = ?`);
    this.setProfile = sqlite.prepare('UPDATE enrollments SET profile_id = ?, updated_at = ? WHERE id = ? AND profile_id IS NULL');
    // Only when the enrollment's profile can perform this type: a LinkedIn step never goes out from a mailbox.
    this.pinProfile = sqlite.prepare(`UPDATE outreach SET profile_id = @profile WHERE id = @id AND profile_id IS NULL AND EXISTS (
      SELECT 1 FROM profiles p JOIN outreach_type_profile_types x ON x.profile_type_id = p.profile_type_id
      WHERE p.id = @profile AND p.deleted_at IS NULL AND x.outreach_type_id = (SELECT outreach_type_id FROM outreach WHERE id = @id))`);
    this.newAcceptances = sqlite.prepare("SELECT id, lead_id FROM outreach WHERE id > ? AND direction = 'accepted' ORDER BY id LIMIT ?");
    this.wake = sqlite.prepare("UPDATE enrollments SET next_step_due_at = @now, updated_at = @now WHERE lead_id = @lead AND status = 'active' AND next_step_due_at > @now");
    this.maxOutreachId = sqlite.prepare('SELECT MAX(id) AS id FROM outreach');
  }
}
