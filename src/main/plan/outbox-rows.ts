import type { Database, Statement } from 'better-sqlite3';
import type { WorkKind } from '../../shared/work-kind';
import { workTables, type WorkTable } from './work-tables';

/** A waiting item as read from its table, before its reason is worked out. */
export interface OutboxRow {
  kind: WorkKind;
  ord: number;
  id: number;
  profile_id: number | null;
  due_at: number;
  attempts: number;
  status: string;
  approval: string | null;
  action: string | null;
  type_id: number | null;
  label: string;
  address: string | null;
  error_text: string | null;
}

/** Where a page starts: after this (due time, kind position, id). */
export interface OutboxCursor {
  readonly dueAt: number;
  readonly ord: number;
  readonly id: number;
}

/** Encodes a cursor as the opaque `after` text of the API. */
export const encodeCursor = (c: OutboxCursor): string => `${c.dueAt}.${c.ord}.${c.id}`;

/** Decodes an `after` text; null when it is not one this API produced. */
export function decodeCursor(text: string): OutboxCursor | null {
  const m = /^(\d{1,16})\.(\d)\.(\d{1,16})$/.exec(text);
  return m ? { dueAt: Number(m[1]), ord: Number(m[2]), id: Number(m[3]) } : null;
}

const labelOf = (t: WorkTable): string => {
  switch (t.kind) {
    case 'outreach':
      return "ty.name || COALESCE(' to ' || w.lead_address, ' to lead ' || w.lead_id)";
    case 'enrichment':
      return "ty.name || COALESCE(' for lead ' || w.lead_id, ' for company ' || w.company_id)";
    case 'job':
      return "w.url || CASE WHEN w.page > 1 THEN ' (page ' || w.page || ')' ELSE '' END";
    case 'inbox_check':
      return "'Inbox check'";
    case 'connection_check':
      return "'Connection check'";
  }
};

const selectOf = (t: WorkTable): string => {
  const hasApproval = t.kind === 'outreach' || t.kind === 'enrichment';
  const statuses = hasApproval ? "('pending', 'unknown')" : "('pending')";
  const live = t.kind === 'outreach' ? "AND w.direction = 'outgoing'" : '';
  return `SELECT * FROM (
    SELECT '${t.kind}' AS kind, ${t.ord} AS ord, w.id, w.profile_id, w.due_at, w.attempts, w.status,
      ${hasApproval ? 'w.approval' : 'NULL'} AS approval, ${t.action} AS action, ${t.typeId ?? 'NULL'} AS type_id,
      ${labelOf(t)} AS label, ${t.kind === 'outreach' ? 'w.lead_address' : 'NULL'} AS address, w.error_text
    FROM ${t.table} w ${t.typeJoin}
    WHERE w.status IN ${statuses} ${live} AND (:profileId IS NULL OR w.profile_id = :profileId)
      AND (w.due_at, ${t.ord}, w.id) > (:dueAt, :ord, :id)
    ORDER BY w.due_at, w.id LIMIT :limit)`;
};

/** Reads waiting items of every kind (or one) in (due time, kind, id) order after a cursor. */
export class OutboxRows {
  private readonly all: Statement<Record<string, number | null>, OutboxRow>;
  private readonly byKind: Map<WorkKind, Statement<Record<string, number | null>, OutboxRow>>;

  constructor(sqlite: Database) {
    this.all = sqlite.prepare(`${workTables.map(selectOf).join(' UNION ALL ')} ORDER BY due_at, ord, id LIMIT :limit`);
    this.byKind = new Map(workTables.map((t) => [t.kind, sqlite.prepare(`${selectOf(t)} ORDER BY due_at, ord, id`)]));
  }

  /** Up to `limit` rows after `after`, optionally of one kind and one profile. */
  read(after: OutboxCursor | null, limit: number, kind?: WorkKind, profileId?: number): OutboxRow[] {
    const params = { profileId: profileId ?? null, dueAt: after?.dueAt ?? -1, ord: after?.ord ?? 0, id: after?.id ?? 0, limit };
    const stmt = kind ? this.byKind.get(kind) : this.all;
    return stmt ? stmt.all(params) : [];
  }
}
