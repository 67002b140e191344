import type { Database, Statement } from 'better-sqlite3';
import type { IncomingKind } from '../../shared/inbox-check-output';
import type { InboxLeadEntry, InboxMessageView } from '../../shared/contract/schemas/inbox';
import { toIso, toIsoOrNull } from '../../shared/iso-time';

interface MessageRow {
  id: number;
  lead_id: number;
  profile_id: number | null;
  direction: InboxMessageView['direction'];
  incoming_kind: IncomingKind | null;
  parent_outreach_id: number | null;
  lead_address: string | null;
  subject: string | null;
  body: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  status: string;
  inbox_detail: string | null;
  occurred_at: number | null;
  created_at: number;
}

interface EntryRow extends MessageRow {
  lead_label: string | null;
  lead_email: string | null;
  messages: number;
  kinds: string;
}

const MESSAGE_COLUMNS = `o.id, o.lead_id, o.profile_id, o.direction, o.incoming_kind, o.parent_outreach_id, o.lead_address, o.subject, o.body,
  o.message_id, o.in_reply_to, o.status, o.inbox_detail, o.occurred_at, o.created_at`;
const LEAD_LABEL = "coalesce(nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''), l.email)";

function toView(row: MessageRow): InboxMessageView {
  const detail = row.inbox_detail === null ? null : (JSON.parse(row.inbox_detail) as { folder?: string; reason?: string; bounce?: InboxMessageView['bounce'] });
  return {
    id: row.id,
    leadId: row.lead_id,
    profileId: row.profile_id,
    direction: row.direction,
    kind: row.incoming_kind,
    reason: detail?.reason ?? null,
    parentOutreachId: row.parent_outreach_id,
    leadAddress: row.lead_address,
    subject: row.subject,
    text: row.body,
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    status: row.status,
    bounce: detail?.bounce ?? null,
    folder: detail?.folder ?? null,
    occurredAt: toIsoOrNull(row.occurred_at),
    createdAt: toIso(row.created_at),
  };
}

/** Reads for the Inbox: leads by their newest incoming message, and one lead's conversation. */
export class InboxQueries {
  private readonly list: Statement<Record<string, unknown>, EntryRow>;
  private readonly thread: Statement<[number], MessageRow>;
  private readonly lead: Statement<[number], { label: string | null }>;

  constructor(sqlite: Database) {
    // Grouping reads only the partial index of incoming rows (migration 0018); the newest id stands for the newest message.
    this.list = sqlite.prepare(`
      WITH latest AS (
        SELECT lead_id, max(id) AS id, count(*) AS messages, json_group_array(DISTINCT incoming_kind) AS kinds
        FROM outreach
        WHERE direction = 'incoming' AND (@kind IS NULL OR incoming_kind = @kind) AND (@profileId IS NULL OR profile_id = @profileId)
          AND (@after IS NULL OR created_at > @after)
        GROUP BY lead_id
      )
      SELECT ${MESSAGE_COLUMNS}, ${LEAD_LABEL} AS lead_label, l.email AS lead_email, latest.messages, latest.kinds
      FROM latest JOIN outreach o ON o.id = latest.id JOIN leads l ON l.id = latest.lead_id AND l.deleted_at IS NULL
      ORDER BY latest.id DESC LIMIT @limit`);
    this.thread = sqlite.prepare(`SELECT ${MESSAGE_COLUMNS} FROM outreach o WHERE o.lead_id = ? AND o.status IN ('performed', 'unknown', 'running')
      ORDER BY coalesce(o.occurred_at, o.created_at), o.id`);
    this.lead = sqlite.prepare(`SELECT ${LEAD_LABEL} AS label FROM leads l WHERE l.id = ? AND l.deleted_at IS NULL`);
  }

  /** Leads with incoming messages matching the filter, the lead with the newest message first. */
  leads(filter: { kind?: IncomingKind; profileId?: number; after?: number; limit: number }): InboxLeadEntry[] {
    const rows = this.list.all({ kind: filter.kind ?? null, profileId: filter.profileId ?? null, after: filter.after ?? null, limit: filter.limit });
    return rows.map((row) => ({
      leadId: row.lead_id,
      leadLabel: row.lead_label,
      leadEmail: row.lead_email,
      messages: row.messages,
      kinds: (JSON.parse(row.kinds) as IncomingKind[]).sort(),
      latest: toView(row),
    }));
  }

  /** A live lead's label and conversation (messages that happened or may have), oldest first; null when the lead does not exist. */
  conversation(leadId: number): { leadLabel: string | null; items: InboxMessageView[] } | null {
    const lead = this.lead.get(leadId);
    return lead ? { leadLabel: lead.label, items: this.thread.all(leadId).map(toView) } : null;
  }
}
