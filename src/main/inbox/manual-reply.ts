import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { isSuppressed, suppressionText } from '../suppression/is-suppressed';

interface IncomingRow {
  id: number;
  lead_id: number;
  profile_id: number | null;
  outreach_type_id: number;
  type_code: string;
  incoming_kind: string | null;
  lead_address: string | null;
  subject: string | null;
  message_id: string | null;
  thread_references: string | null;
}

/** What the operator wrote in answer to one incoming message. */
export interface ManualReplyInput {
  readonly outreachId: number;
  readonly body: string;
  readonly subject?: string | undefined;
}

/** Why a reply cannot be sent, naming the input field it is about; `not_found` when the message does not exist. */
export class ReplyRefusal extends Error {
  override readonly name = 'ReplyRefusal';

  constructor(
    readonly code: 'not_found' | 'bad_request' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

const REPLY_PREFIX = /^\s*((re|aw|sv|antw)\s*:\s*)+/i;

/** `Re: <subject>` without stacking prefixes. */
export const replySubject = (subject: string | null): string => `Re: ${(subject ?? '').replace(REPLY_PREFIX, '').trim()}`.trim();

/**
 * Creates the operator's reply to an incoming email: an outgoing row from the mailbox that received the message,
 * threaded under it (In-Reply-To its Message-ID, References its chain plus it, a `Re:` subject), approved (the
 * operator wrote it) and due now. The claim-time hooks keep this threading and check suppression again.
 */
export class ManualReplies {
  private readonly incoming: Statement<[number], IncomingRow>;
  private readonly mailbox: Statement<[number], { id: number }>;
  private readonly insert: Statement<[number, number, number, string, string, string, string, string, number, string, number, number, number]>;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {
    this.incoming = sqlite.prepare(`SELECT o.id, o.lead_id, o.profile_id, o.outreach_type_id, t.code AS type_code, o.incoming_kind, o.lead_address,
        o.subject, o.message_id, o.thread_references
      FROM outreach o JOIN outreach_types t ON t.id = o.outreach_type_id WHERE o.id = ? AND o.direction = 'incoming'`);
    // The receiving mailbox must still exist and still be able to send email.
    this.mailbox = sqlite.prepare(`SELECT p.id FROM profiles p
      JOIN outreach_type_profile_types x ON x.profile_type_id = p.profile_type_id
      JOIN outreach_types t ON t.id = x.outreach_type_id AND t.code = 'email'
      WHERE p.id = ? AND p.deleted_at IS NULL`);
    this.insert = sqlite.prepare(`INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, lead_address, subject, body, message_id,
        in_reply_to, thread_references, approval, approved_at, idempotency_key, due_at, created_at, updated_at)
      VALUES (?, 'outgoing', ?, ?, ?, ?, ?, NULL, ?, ?, 'approved', ?, ?, ?, ?, ?)`);
  }

  /** Stores the reply and returns its outreach id; throws a ReplyRefusal saying why it cannot be sent. */
  reply(input: ManualReplyInput): number {
    return this.sqlite.transaction(() => this.create(input))();
  }

  private create(input: ManualReplyInput): number {
    const row = this.incoming.get(input.outreachId);
    if (!row) throw new ReplyRefusal('not_found', `outreachId: no incoming message ${input.outreachId}`);
    if (row.type_code !== 'email') throw new ReplyRefusal('bad_request', `outreachId: message ${row.id} came over ${row.type_code}; only email is answered from here`);
    if (row.incoming_kind === 'hard_bounce' || row.incoming_kind === 'soft_bounce') {
      throw new ReplyRefusal('bad_request', `outreachId: message ${row.id} is a bounce from a mail server; there is nobody to answer`);
    }
    if (row.profile_id === null || !this.mailbox.get(row.profile_id)) {
      throw new ReplyRefusal('conflict', `outreachId: the mailbox that received message ${row.id} no longer exists or cannot send email`);
    }
    const address = row.lead_address?.trim() ?? '';
    if (!address) throw new ReplyRefusal('bad_request', `outreachId: message ${row.id} has no sender address to answer`);
    const hit = isSuppressed(this.sqlite, { email: address });
    if (hit) throw new ReplyRefusal('conflict', `outreachId: the lead is on the suppression list (${suppressionText(hit)})`);
    if (!row.message_id) throw new ReplyRefusal('bad_request', `outreachId: message ${row.id} has no Message-ID to thread under`);
    const earlier = row.thread_references ? (JSON.parse(row.thread_references) as string[]) : [];
    const references = [...earlier.filter((ref) => ref !== row.message_id), row.message_id];
    const subject = input.subject?.trim() || replySubject(row.subject);
    const now = this.now();
    const inserted = this.insert.run(
      row.outreach_type_id,
      row.lead_id,
      row.profile_id,
      address,
      subject,
      input.body,
      row.message_id,
      JSON.stringify(references),
      now,
      `email-reply:${randomUUID()}`,
      now,
      now,
      now,
    );
    return Number(inserted.lastInsertRowid);
  }
}
