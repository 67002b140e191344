import type { Database, Statement } from 'better-sqlite3';
import { UnsubscribeTokens } from '../email/unsubscribe-tokens';

/** The outgoing email row a claim or an outcome works on. */
export interface SendRow {
  id: number;
  lead_id: number;
  profile_id: number | null;
  lead_address: string | null;
  subject: string | null;
  body_html: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  thread_references: string | null;
}

/** The mailbox's settings (type defaults under the profile's own) and identity, for Message-IDs and unsubscribe links. */
export interface MailboxRow {
  settings: string;
  defaults: string;
  identity: string | null;
}

/** Prepared statements of the send hooks, prepared once: they run inside every claim and finish of an email. */
export class OutreachStatements {
  readonly row: Statement<[number], SendRow>;
  readonly mailbox: Statement<[number], MailboxRow>;
  readonly thread: Statement<[number, number, number], { message_id: string; subject: string | null }>;
  readonly setSendHeaders: Statement<[string, string | null, string | null, string | null, number, number]>;
  readonly postalAddress: Statement<[], { value: string }>;
  readonly unsubscribeTokens: UnsubscribeTokens;
  readonly sent: Statement<[number, string, string, number, number]>;
  readonly response: Statement<[string, number, number]>;
  readonly verifiedSent: Statement<[number, number, number]>;
  readonly invalidEmail: Statement<[number, number, number]>;

  constructor(sqlite: Database) {
    this.row = sqlite.prepare(`SELECT id, lead_id, profile_id, lead_address, subject, body_html, message_id, in_reply_to, thread_references
      FROM outreach WHERE id = ?`);
    this.mailbox = sqlite.prepare(
      'SELECT p.settings, t.defaults, p.identity FROM profiles p JOIN profile_types t ON t.id = p.profile_type_id WHERE p.id = ?',
    );
    // Earlier emails this mailbox sent the lead, oldest first: the thread a follow-up joins.
    this.thread = sqlite.prepare(`SELECT o.message_id, o.subject FROM outreach o JOIN outreach_types t ON t.id = o.outreach_type_id
      WHERE o.lead_id = ? AND o.profile_id = ? AND o.id <> ? AND o.direction = 'outgoing' AND o.status = 'performed'
        AND t.code = 'email' AND o.message_id IS NOT NULL
      ORDER BY o.occurred_at, o.id`);
    this.setSendHeaders = sqlite.prepare(
      'UPDATE outreach SET message_id = ?, in_reply_to = ?, thread_references = ?, subject = ?, updated_at = ? WHERE id = ?',
    );
    this.postalAddress = sqlite.prepare("SELECT value FROM settings WHERE key = 'postalAddress'");
    this.unsubscribeTokens = new UnsubscribeTokens(sqlite);
    this.sent = sqlite.prepare('UPDATE outreach SET occurred_at = ?, message_id = ?, smtp_response = ?, updated_at = ? WHERE id = ?');
    this.response = sqlite.prepare('UPDATE outreach SET smtp_response = ?, updated_at = ? WHERE id = ?');
    // When a verification found the message, the send time is unknown: when we learnt it is the best there is.
    this.verifiedSent = sqlite.prepare('UPDATE outreach SET occurred_at = COALESCE(occurred_at, ?), updated_at = ? WHERE id = ?');
    this.invalidEmail = sqlite.prepare("UPDATE leads SET email_verification = 'invalid', email_verified_at = ?, updated_at = ? WHERE id = ?");
  }
}
