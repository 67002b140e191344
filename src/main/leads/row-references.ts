import type { Database, Statement } from 'better-sqlite3';

// Everything that points at a lead or company besides what its own removal purges (tag links, custom
// values, provenance, reminders): removing a row these still reference would lose history.
const REFERENCES: Record<'lead' | 'company', string> = {
  lead: `SELECT 1 FROM events WHERE lead_id = :id
    UNION ALL SELECT 1 FROM enrichments WHERE lead_id = :id
    UNION ALL SELECT 1 FROM outreach WHERE lead_id = :id
    UNION ALL SELECT 1 FROM enrollments WHERE lead_id = :id
    UNION ALL SELECT 1 FROM rule_instances WHERE target_kind = 'lead' AND target_id = :id
    UNION ALL SELECT 1 FROM merge_journal WHERE target_kind = 'lead' AND target_id = :id AND undone_at IS NULL AND id <> :journalId
    LIMIT 1`,
  company: `SELECT 1 FROM leads WHERE company_id = :id
    UNION ALL SELECT 1 FROM events WHERE company_id = :id
    UNION ALL SELECT 1 FROM enrichments WHERE company_id = :id
    UNION ALL SELECT 1 FROM rule_instances WHERE target_kind = 'company' AND target_id = :id
    UNION ALL SELECT 1 FROM merge_journal WHERE target_kind = 'company' AND target_id = :id AND undone_at IS NULL AND id <> :journalId
    LIMIT 1`,
};

/** Tells whether a lead or company is referenced by anything other than the journal entry that inserted it. */
export class RowReferences {
  private readonly queries: Record<'lead' | 'company', Statement<[{ id: number; journalId: number }]>>;

  constructor(sqlite: Database) {
    this.queries = { lead: sqlite.prepare(REFERENCES.lead), company: sqlite.prepare(REFERENCES.company) };
  }

  /** True when removing the row would leave something pointing at nothing. */
  referenced(kind: 'lead' | 'company', id: number, journalId: number): boolean {
    return this.queries[kind].get({ id, journalId }) !== undefined;
  }
}
