import type { Database } from 'better-sqlite3';
import { PROVENANCE_KEY, PUT_PROVENANCE, type JournaledProvenance } from './record-writer';
import { CustomValues, customFieldIdOf } from './custom-values';
import { RowReferences } from './row-references';

/** A `merge_journal` row as stored. */
export interface JournalRow {
  id: number;
  import_id: number | null;
  target_kind: 'lead' | 'company' | 'tag_link';
  target_id: number;
  action: 'insert' | 'update' | 'merge';
  merged_id: number | null;
  before: string | null;
  after: string;
  created_at: number;
  undone_at: number | null;
}

type Values = Record<string, string | number | null>;

const TABLES = { lead: 'leads', company: 'companies', tag_link: 'tag_links' } as const;

/** Undoes every change an import made, newest first, in one transaction; returns how many journal entries it undid (0 when already undone). */
export function undoImport(sqlite: Database, importId: number, now: () => number): number {
  return sqlite.transaction(() => {
    const entries = sqlite
      .prepare<[number], JournalRow>('SELECT * FROM merge_journal WHERE import_id = ? AND undone_at IS NULL ORDER BY id DESC')
      .all(importId);
    const at = now();
    const undo = entryUndoer(sqlite, at);
    entries.forEach(undo);
    sqlite.prepare("UPDATE imports SET status = 'undone', undone_at = ?, updated_at = ? WHERE id = ? AND undone_at IS NULL").run(at, at, importId);
    return entries.length;
  })();
}

/** Undoes one journal entry (an insert, update or merge); returns false when it was already undone or does not exist. */
export function undoJournalEntry(sqlite: Database, journalId: number, now: () => number): boolean {
  return sqlite.transaction(() => {
    const entry = sqlite.prepare<[number], JournalRow>('SELECT * FROM merge_journal WHERE id = ? AND undone_at IS NULL').get(journalId);
    if (entry) entryUndoer(sqlite, now())(entry);
    return entry !== undefined;
  })();
}

/** Reverts one entry: removes what it inserted, restores the fields it changed that nothing has changed since. */
function entryUndoer(sqlite: Database, at: number): (entry: JournalRow) => void {
  const references = new RowReferences(sqlite);
  const markUndone = sqlite.prepare('UPDATE merge_journal SET undone_at = ? WHERE id = ?');
  return (entry) => {
    const table = TABLES[entry.target_kind];
    if (entry.action === 'insert') {
      const soft = entry.target_kind !== 'tag_link' && references.referenced(entry.target_kind, entry.target_id, entry.id);
      if (soft) sqlite.prepare(`UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`).run(at, at, entry.target_id);
      else sqlite.prepare(`DELETE FROM ${table} WHERE id = ?`).run(entry.target_id);
    } else {
      restore(sqlite, entry, table);
      if (entry.merged_id !== null) sqlite.prepare(`UPDATE ${table} SET deleted_at = NULL WHERE id = ?`).run(entry.merged_id);
    }
    markUndone.run(at, entry.id);
  };
}

function restore(sqlite: Database, entry: JournalRow, table: string): void {
  const { [PROVENANCE_KEY]: provenance = {}, ...before } = JSON.parse(entry.before ?? '{}') as Values & {
    [PROVENANCE_KEY]?: Record<string, JournaledProvenance | null>;
  };
  const after = JSON.parse(entry.after) as Values;
  const current = sqlite.prepare<[number], Values>(`SELECT * FROM ${table} WHERE id = ?`).get(entry.target_id);
  if (!current) return;
  const kind = entry.target_kind === 'tag_link' ? null : entry.target_kind;
  const custom = new CustomValues(sqlite);
  // Custom values (`custom:<id>`) live in custom_field_values, not in the row.
  const valueOf = (field: string) => (kind && customFieldIdOf(field) !== undefined ? custom.current(kind, entry.target_id, field) : current[field]);
  // A field changed again since (by a later import or a person) keeps its newer value; only real columns are ever named in SQL.
  const fields = Object.keys(before).filter((field) => valueOf(field) !== undefined && valueOf(field) === after[field]);
  const columns = fields.filter((field) => Object.hasOwn(current, field));
  if (columns.length > 0) {
    sqlite
      .prepare(`UPDATE ${table} SET ${columns.map((f) => `${f} = ?`).join(', ')} WHERE id = ?`)
      .run(...columns.map((f) => before[f] ?? null), entry.target_id);
  }
  for (const field of fields) if (kind && !columns.includes(field)) custom.set(kind, entry.target_id, field, before[field] ?? null);
  const put = sqlite.prepare(PUT_PROVENANCE);
  const drop = sqlite.prepare('DELETE FROM field_provenance WHERE target_kind = ? AND target_id = ? AND field = ?');
  for (const field of fields.filter((f) => f in provenance)) {
    const previous = provenance[field];
    if (previous) put.run(entry.target_kind, entry.target_id, field, previous.source_kind, previous.source_id, previous.set_at);
    else drop.run(entry.target_kind, entry.target_id, field);
  }
}
