import type { Database, Statement } from 'better-sqlite3';

/** An outgoing browser outreach row with its lead's profile URLs. */
export interface BrowserSendRow {
  id: number;
  lead_id: number;
  type_code: string;
  address_field: string | null;
  lead_address: string | null;
  body: string | null;
  email: string | null;
  linkedin_url: string | null;
  linkedin_alt_url: string | null;
  facebook_url: string | null;
  facebook_alt_url: string | null;
  lead_name: string | null;
}

/** An outgoing row an incoming message or an acceptance answers. */
export interface BrowserParentRow {
  id: number;
  outreach_type_id: number;
}

/** Prepared statements of the browser hooks (claim, outcome, inbox and connection checks), prepared once per database. */
export class BrowserStatements {
  readonly send: Statement<[number], BrowserSendRow>;
  readonly address: Statement<[string, number, number]>;
  readonly performed: Statement<[number, string, number, number]>;
  readonly verified: Statement<[number, number, number]>;
  readonly leadByLinkedin: Statement<[string, string], { id: number }>;
  readonly leadByFacebook: Statement<[string, string], { id: number }>;
  readonly lastOutgoing: Statement<[number, number, string], BrowserParentRow>;
  readonly lastConnect: Statement<[number, number, string], BrowserParentRow>;
  readonly typeId: Statement<[string], { id: number }>;
  readonly insertIncoming: Statement<unknown[]>;
  readonly insertAccepted: Statement<unknown[]>;
  readonly inboxMark: Statement<[string, number]>;
  readonly connectionMark: Statement<[string, number]>;
  readonly inboxResult: Statement<[string, number, number]>;
  readonly connectionResult: Statement<[string, number, number]>;

  constructor(sqlite: Database) {
    this.send = sqlite.prepare(`SELECT o.id, o.lead_id, t.code AS type_code, t.address_field, o.lead_address, o.body, l.email, l.linkedin_url, l.linkedin_alt_url,
        l.facebook_url, l.facebook_alt_url,
        nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), '') AS lead_name
      FROM outreach o JOIN outreach_types t ON t.id = o.outreach_type_id JOIN leads l ON l.id = o.lead_id WHERE o.id = ?`);
    this.address = sqlite.prepare('UPDATE outreach SET lead_address = ?, updated_at = ? WHERE id = ? AND lead_address IS NULL');
    // inbox_detail holds what the channel learnt about the row: for a browser action, its thread or invitation URL and the page's evidence.
    this.performed = sqlite.prepare('UPDATE outreach SET occurred_at = ?, inbox_detail = ?, updated_at = ? WHERE id = ?');
    this.verified = sqlite.prepare('UPDATE outreach SET occurred_at = COALESCE(occurred_at, ?), updated_at = ? WHERE id = ?');
    this.leadByLinkedin = sqlite.prepare('SELECT id FROM leads WHERE (linkedin_norm = ? OR linkedin_alt_url = ?) AND deleted_at IS NULL ORDER BY id LIMIT 1');
    this.leadByFacebook = sqlite.prepare('SELECT id FROM leads WHERE (facebook_norm = ? OR facebook_alt_url = ?) AND deleted_at IS NULL ORDER BY id LIMIT 1');
    const ours = `SELECT o.id, o.outreach_type_id FROM outreach o JOIN outreach_types t ON t.id = o.outreach_type_id
      WHERE o.lead_id = ? AND o.profile_id = ? AND o.direction = 'outgoing' AND o.status IN ('performed', 'unknown') AND t.address_field = ?`;
    this.lastOutgoing = sqlite.prepare(`${ours} ORDER BY o.id DESC LIMIT 1`);
    this.lastConnect = sqlite.prepare(`${ours} AND t.code IN ('linkedin_connect', 'facebook_friend') ORDER BY o.id DESC LIMIT 1`);
    this.typeId = sqlite.prepare('SELECT id FROM outreach_types WHERE code = ?');
    // DO NOTHING covers the unique (message_id, profile_id, direction) index: a message or acceptance read twice is stored once.
    this.insertIncoming = sqlite.prepare(`INSERT INTO outreach (outreach_type_id, direction, incoming_kind, lead_id, profile_id, parent_outreach_id, lead_address,
        body, message_id, inbox_detail, occurred_at, status, due_at, created_at, updated_at, finished_at)
      VALUES (?, 'incoming', 'reply', ?, ?, ?, ?, ?, ?, ?, ?, 'performed', ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
    this.insertAccepted = sqlite.prepare(`INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, parent_outreach_id, lead_address,
        message_id, inbox_detail, occurred_at, status, due_at, created_at, updated_at, finished_at)
      VALUES (?, 'accepted', ?, ?, ?, ?, ?, ?, ?, 'performed', ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
    this.inboxMark = sqlite.prepare('UPDATE profiles SET inbox_mark = ? WHERE id = ?');
    this.connectionMark = sqlite.prepare('UPDATE profiles SET connection_mark = ? WHERE id = ?');
    this.inboxResult = sqlite.prepare('UPDATE inbox_checks SET result = ?, messages_found = ? WHERE id = ?');
    this.connectionResult = sqlite.prepare('UPDATE connection_checks SET result = ?, connections_found = ? WHERE id = ?');
  }
}
