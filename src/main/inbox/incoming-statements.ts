import type { Database, Statement } from 'better-sqlite3';
import { stopEnrollments, type StopReason } from '../sequences/stop-enrollments';

/** An outgoing row an incoming message answers. */
export interface ParentRow {
  readonly id: number;
  readonly lead_id: number;
  readonly outreach_type_id: number;
}

/** The prepared statements the inbox applier runs for every message, prepared once per database. */
export class IncomingStatements {
  readonly outgoingByMessageId: Statement<[string], ParentRow>;
  readonly leadByEmail: Statement<[string], { id: number }>;
  readonly latestOutgoing: Statement<[number, number], ParentRow>;
  readonly emailType: Statement<[], { id: number }>;
  readonly insert: Statement<unknown[]>;
  readonly suppress: Statement<[string, string, number | null, string, number, number]>;
  /** Stops the lead's enrollments (and aborts their planned steps); see `stopEnrollments`. */
  readonly stopEnrollments: (reason: StopReason, now: number, leadId: number) => number;
  readonly delayEnrollments: Statement<[number, number, number, number]>;
  readonly saveMark: Statement<[string, number]>;
  readonly saveResult: Statement<[string, number, number]>;
  readonly nextCheck: Statement<[number, number, number, number]>;

  constructor(sqlite: Database) {
    this.outgoingByMessageId = sqlite.prepare(
      "SELECT id, lead_id, outreach_type_id FROM outreach WHERE message_id = ? AND direction = 'outgoing' ORDER BY id LIMIT 1",
    );
    this.leadByEmail = sqlite.prepare('SELECT id FROM leads WHERE email_norm = ? AND deleted_at IS NULL');
    this.latestOutgoing = sqlite.prepare(
      `SELECT o.id, o.lead_id, o.outreach_type_id FROM outreach o JOIN outreach_types t ON t.id = o.outreach_type_id
       WHERE o.lead_id = ? AND o.profile_id = ? AND o.direction = 'outgoing' AND o.status IN ('performed', 'unknown') AND t.address_field = 'email'
       ORDER BY o.id DESC LIMIT 1`,
    );
    this.emailType = sqlite.prepare("SELECT id FROM outreach_types WHERE code = 'email'");
    // DO NOTHING only covers the unique Message-ID index: a message read twice is stored once, and a CHECK failure still throws.
    this.insert = sqlite.prepare(
      `INSERT INTO outreach (outreach_type_id, direction, incoming_kind, lead_id, profile_id, parent_outreach_id, lead_address, subject, body,
         message_id, in_reply_to, thread_references, inbox_detail, occurred_at, status, due_at, created_at, updated_at, finished_at)
       VALUES (?, 'incoming', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'performed', ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
    this.suppress = sqlite.prepare(
      `INSERT INTO suppressions (kind, value, reason, outreach_id, note, created_at, updated_at) VALUES ('email', ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
    this.stopEnrollments = (reason, now, leadId) => stopEnrollments(sqlite, { leadId, reason, now });
    // An out-of-office pushes the next step past the absence instead of stopping the sequence.
    this.delayEnrollments = sqlite.prepare(
      "UPDATE enrollments SET next_step_due_at = ?, updated_at = ? WHERE lead_id = ? AND status = 'active' AND next_step_due_at IS NOT NULL AND next_step_due_at < ?",
    );
    this.saveMark = sqlite.prepare('UPDATE profiles SET inbox_mark = ? WHERE id = ?');
    this.saveResult = sqlite.prepare('UPDATE inbox_checks SET result = ?, messages_found = ? WHERE id = ?');
    // The finished check is no longer open, so a follow-up fits the one-open-check-per-profile index (unless the planner made one).
    this.nextCheck = sqlite.prepare('INSERT INTO inbox_checks (profile_id, due_at, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  }
}
