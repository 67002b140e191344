import type { Database, Statement } from 'better-sqlite3';
import { normaliseEmail } from '../../shared/normalise';
import { stopEnrollments } from '../sequences/stop-enrollments';
import { UnsubscribeTokens } from './unsubscribe-tokens';

interface SentRow {
  id: number;
  lead_id: number;
  profile_id: number | null;
  outreach_type_id: number;
  lead_address: string | null;
  subject: string | null;
  message_id: string | null;
}

/** What an unsubscribe link names: the address it will stop mailing. */
export interface UnsubscribeTarget {
  readonly outreachId: number;
  readonly address: string | null;
}

/**
 * The one-click unsubscribe behind `List-Unsubscribe` (RFC 8058): a valid token suppresses the recipient (reason
 * `unsubscribe`), stops the lead's sequences, records the hit in `tracking_events` and, the first time, an incoming
 * `unsubscribe` row (what the timeline and the rules count, like a mailto unsubscribe). Repeating it changes nothing more.
 */
export class OneClickUnsubscribe {
  private readonly tokens: UnsubscribeTokens;
  private readonly sent: Statement<[number], SentRow>;
  private readonly hit: Statement<[number, number, string | null]>;
  private readonly suppress: Statement<[string, number, number, number]>;
  private readonly incoming: Statement<unknown[]>;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {
    this.tokens = new UnsubscribeTokens(sqlite);
    this.sent = sqlite.prepare(`SELECT id, lead_id, profile_id, outreach_type_id, lead_address, subject, message_id FROM outreach
      WHERE id = ? AND direction = 'outgoing'`);
    this.hit = sqlite.prepare('INSERT INTO tracking_events (tracking_link_id, occurred_at, user_agent) VALUES (?, ?, ?)');
    this.suppress = sqlite.prepare(`INSERT INTO suppressions (kind, value, reason, outreach_id, note, created_at, updated_at)
      VALUES ('email', ?, 'unsubscribe', ?, 'one-click unsubscribe link', ?, ?) ON CONFLICT (kind, value) WHERE deleted_at IS NULL DO NOTHING`);
    // A made-up Message-ID per message makes the row unique: a repeated click stores nothing more.
    this.incoming = sqlite.prepare(`INSERT INTO outreach (outreach_type_id, direction, incoming_kind, lead_id, profile_id, parent_outreach_id, lead_address,
        subject, message_id, in_reply_to, inbox_detail, occurred_at, status, due_at, created_at, updated_at, finished_at)
      VALUES (?, 'incoming', 'unsubscribe', ?, ?, ?, ?, ?, ?, ?, json_object('reason', 'one-click unsubscribe link'), ?, 'performed', ?, ?, ?, ?)
      ON CONFLICT DO NOTHING`);
  }

  /** What a token would unsubscribe, or null when the token is not one we issued. */
  target(token: string): UnsubscribeTarget | null {
    const link = this.tokens.find(token, this.now());
    const row = link && this.sent.get(link.outreachId);
    return row ? { outreachId: row.id, address: row.lead_address } : null;
  }

  /** Unsubscribes the recipient a token names; false when the token is not one we issued. */
  unsubscribe(token: string, userAgent: string | null): boolean {
    const now = this.now();
    return this.sqlite.transaction((): boolean => {
      const link = this.tokens.find(token, now);
      const row = link && this.sent.get(link.outreachId);
      if (!link || !row) return false;
      this.hit.run(link.linkId, now, userAgent?.slice(0, 500) ?? null);
      const email = normaliseEmail(row.lead_address);
      if (email) this.suppress.run(email, row.id, now, now);
      stopEnrollments(this.sqlite, { leadId: row.lead_id, reason: 'unsubscribed', now });
      const marker = `<unsubscribe-${row.id}@outpost.invalid>`;
      this.incoming.run(row.outreach_type_id, row.lead_id, row.profile_id, row.id, row.lead_address, row.subject, marker, row.message_id, now, now, now, now, now);
      return true;
    })();
  }
}
