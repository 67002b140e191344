import type { Database, Statement } from 'better-sqlite3';

const RUNNABLE = "p.deleted_at IS NULL AND p.active = 1 AND p.state NOT IN ('paused', 'failed')";

const insertDue = (table: string, policyKey: string, extra: string): string => {
  const seconds = `COALESCE(json_extract(p.policy, '$.${policyKey}'), json_extract(t.defaults, '$.policy.${policyKey}'))`;
  // The last check's end (or creation while open) plus the interval; the unique index on open checks keeps one per profile.
  return `
    INSERT INTO ${table} (profile_id, due_at, created_at, updated_at)
    SELECT p.id, :now, :now, :now
    FROM profiles p JOIN profile_types t ON t.id = p.profile_type_id
    WHERE ${RUNNABLE} ${extra} AND ${seconds} IS NOT NULL
      AND COALESCE((SELECT COALESCE(c.finished_at, c.created_at) FROM ${table} c WHERE c.profile_id = p.id ORDER BY c.id DESC LIMIT 1), 0)
        + 1000 * ${seconds} <= :now
    ON CONFLICT DO NOTHING`;
};

/** Creates inbox checks (types with an inbox interval) and connection checks (browser identities) for runnable profiles when due. */
export class CheckCreator {
  private readonly inbox: Statement<{ now: number }>;
  private readonly connection: Statement<{ now: number }>;

  constructor(sqlite: Database) {
    this.inbox = sqlite.prepare(insertDue('inbox_checks', 'inboxCheckSeconds', ''));
    this.connection = sqlite.prepare(insertDue('connection_checks', 'connectionCheckSeconds', "AND t.access = 'rpa'"));
  }

  /** Inserts the checks that are due; returns how many of each were created. */
  create(now: number): { inbox: number; connection: number } {
    return { inbox: this.inbox.run({ now }).changes, connection: this.connection.run({ now }).changes };
  }
}
