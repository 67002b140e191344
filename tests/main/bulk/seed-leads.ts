import type { Database } from 'better-sqlite3';

/** Lead columns a test sets; the rest stay null. */
export type LeadSeed = Partial<Record<'first_name' | 'last_name' | 'job_title' | 'email' | 'phone' | 'country' | 'location', string>> & {
  company_id?: number;
};

const AT = Date.UTC(2026, 0, 1);

/** Inserts leads straight into the store in one transaction; returns their ids in order. */
export function insertLeads(sqlite: Database, seeds: readonly LeadSeed[]): number[] {
  const insert = sqlite.prepare(
    `INSERT INTO leads (first_name, last_name, job_title, email, email_norm, phone, country, location, company_id, created_at, updated_at)
     VALUES (@first_name, @last_name, @job_title, @email, lower(@email), @phone, @country, @location, @company_id, ${AT}, ${AT})`,
  );
  const blank = { first_name: null, last_name: null, job_title: null, email: null, phone: null, country: null, location: null, company_id: null };
  return sqlite.transaction(() => seeds.map((seed) => Number(insert.run({ ...blank, ...seed }).lastInsertRowid)))();
}

/** A new tag; returns its id. */
export function insertTag(sqlite: Database, name: string): number {
  return Number(sqlite.prepare("INSERT INTO tags (name, color, created_at, updated_at) VALUES (?, '#2457d6', ?, ?)").run(name, AT, AT).lastInsertRowid);
}

/** Puts a tag on leads as an import would. */
export function tagLeads(sqlite: Database, tagId: number, leadIds: readonly number[]): void {
  const link = sqlite.prepare("INSERT INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_at) VALUES (?, 'lead', ?, 'import', ?)");
  sqlite.transaction(() => leadIds.forEach((id) => link.run(tagId, id, AT)))();
}

/** Ids of the leads carrying a live link of the tag, ascending. */
export function taggedLeads(sqlite: Database, tagId: number): number[] {
  return (
    sqlite.prepare("SELECT target_id AS id FROM tag_links WHERE tag_id = ? AND target_kind = 'lead' AND removed_at IS NULL ORDER BY target_id").all(tagId) as { id: number }[]
  ).map((r) => r.id);
}

/** Ids of live leads, ascending. */
export function liveLeads(sqlite: Database): number[] {
  return (sqlite.prepare('SELECT id FROM leads WHERE deleted_at IS NULL ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}
