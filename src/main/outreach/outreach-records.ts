import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { OutreachItem } from '../../shared/contract/schemas/outreach';
import { smtpResponse } from '../../shared/contract/schemas/outreach-send';
import { toIso, toIsoOrNull } from '../../shared/iso-time';

interface ItemRow {
  id: number;
  lead_id: number;
  profile_id: number | null;
  type_code: string;
  direction: OutreachItem['direction'];
  status: OutreachItem['status'];
  approval: OutreachItem['approval'];
  lead_address: string | null;
  subject: string | null;
  body: string | null;
  body_html: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  error_kind: OutreachItem['errorKind'];
  error_text: string | null;
  smtp_response: string | null;
  occurred_at: number | null;
  created_at: number;
}

/** A new outgoing email, already rendered. */
export interface NewEmail {
  readonly leadId: number;
  readonly profileId: number | null;
  readonly address: string;
  readonly subject: string;
  readonly body: string;
  readonly html: string | null;
}

const SELECT = `SELECT o.id, o.lead_id, o.profile_id, t.code AS type_code, o.direction, o.status, o.approval, o.lead_address, o.subject, o.body,
  o.body_html, o.message_id, o.in_reply_to, o.error_kind, o.error_text, o.smtp_response, o.occurred_at, o.created_at
  FROM outreach o JOIN outreach_types t ON t.id = o.outreach_type_id`;

const toItem = (r: ItemRow): OutreachItem => {
  const smtp = r.smtp_response === null ? null : smtpResponse.safeParse(JSON.parse(r.smtp_response));
  return {
    id: r.id,
    leadId: r.lead_id,
    profileId: r.profile_id,
    typeCode: r.type_code,
    direction: r.direction,
    status: r.status,
    approval: r.approval,
    address: r.lead_address,
    subject: r.subject,
    body: r.body,
    html: r.body_html,
    messageId: r.message_id,
    inReplyTo: r.in_reply_to,
    errorKind: r.error_kind,
    errorText: r.error_text,
    smtpResponse: smtp?.success ? smtp.data : null,
    occurredAt: toIsoOrNull(r.occurred_at),
    createdAt: toIso(r.created_at),
  };
};

/** Outgoing emails as the operator composes, approves and lists them. */
export class OutreachRecords {
  private readonly one: Statement<[number], ItemRow>;
  private readonly ofLead: Statement<[number, number], ItemRow>;
  private readonly all: Statement<[number], ItemRow>;
  private readonly insert: Statement<[number, number | null, string, string, string, string | null, string, number, number, number]>;
  private readonly approveRow: Statement<[number, number, number]>;
  private readonly sendsEmail: Statement<[number], { id: number }>;

  constructor(
    sqlite: Database,
    private readonly now: () => number,
  ) {
    this.one = sqlite.prepare(`${SELECT} WHERE o.id = ?`);
    this.ofLead = sqlite.prepare(`${SELECT} WHERE o.lead_id = ? ORDER BY o.id DESC LIMIT ?`);
    this.all = sqlite.prepare(`${SELECT} ORDER BY o.id DESC LIMIT ?`);
    this.insert = sqlite.prepare(`INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, lead_address, subject, body, body_html,
        approval, idempotency_key, due_at, created_at, updated_at)
      SELECT id, 'outgoing', ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ? FROM outreach_types WHERE code = 'email'`);
    this.approveRow = sqlite.prepare(`UPDATE outreach SET approval = 'approved', approved_at = ?, updated_at = ?
      WHERE id = ? AND direction = 'outgoing' AND approval = 'pending' AND status = 'pending'`);
    this.sendsEmail = sqlite.prepare(`SELECT p.id FROM profiles p
      JOIN outreach_type_profile_types x ON x.profile_type_id = p.profile_type_id
      JOIN outreach_types t ON t.id = x.outreach_type_id AND t.code = 'email'
      WHERE p.id = ? AND p.deleted_at IS NULL`);
  }

  /** One outreach row, or undefined. */
  get(id: number): OutreachItem | undefined {
    const row = this.one.get(id);
    return row && toItem(row);
  }

  /** Newest first, of one lead or all. */
  list(leadId: number | undefined, limit: number): OutreachItem[] {
    return (leadId === undefined ? this.all.all(limit) : this.ofLead.all(leadId, limit)).map(toItem);
  }

  /** True when the profile exists and its type sends email. */
  canSendEmail(profileId: number): boolean {
    return this.sendsEmail.get(profileId) !== undefined;
  }

  /** Stores an outgoing email waiting for approval, due as soon as it is approved. */
  compose(email: NewEmail): OutreachItem {
    const now = this.now();
    const id = this.insert.run(email.leadId, email.profileId, email.address, email.subject, email.body, email.html, `email:${randomUUID()}`, now, now, now).lastInsertRowid;
    return this.get(Number(id)) as OutreachItem;
  }

  /** Approves a pending outgoing message; false when it is not one (already approved, sent, or incoming). */
  approve(id: number): boolean {
    const now = this.now();
    return this.approveRow.run(now, now, id).changes === 1;
  }
}
