import type { Database } from 'better-sqlite3';
import { customFieldIdOf, CustomValues } from '../../leads/custom-values';
import { PROVENANCE_KEY, PUT_PROVENANCE, type JournaledProvenance } from '../../leads/record-writer';
import type { ColumnValue } from '../../leads/upsert-types';

/** Leads or companies. */
export type RecordKind = 'lead' | 'company';

/** Key of a journal entry's `after` naming who made a change the import id does not tell (a person's edit). */
export const SOURCE_KEY = '$source';

/** What a person writes beyond the upsert engine: a column or `custom:<id>` mapped to its new value, null to clear. */
export type ExplicitChanges = ReadonlyMap<string, ColumnValue | null>;

type Values = Record<string, unknown>;

const TABLES: Record<RecordKind, 'leads' | 'companies'> = { lead: 'leads', company: 'companies' };

/** Derived keys and timestamps carry no provenance (as in the upsert engine). */
const tracked = (field: string): boolean => !field.endsWith('_norm') && !field.endsWith('_at');

/**
 * Writes what the upsert engine will not (clearing a field, removing a custom value, soft delete and restore),
 * journaled in the engine's format so `undo.ts` reverts it, and folded into the engine's entry of the same edit
 * so one manual edit is one history entry. Call inside the caller's transaction.
 */
export class RecordEdits {
  private readonly custom: CustomValues;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {
    this.custom = new CustomValues(sqlite);
  }

  /** The newest journal entry id, taken before an engine call to find the entry it writes. */
  lastJournalId(): number {
    return this.sqlite.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM merge_journal').get()?.id ?? 0;
  }

  /**
   * Applies `changes` to a live record and journals them, with a person as the source, into the entry the engine
   * wrote for it after `since` (or a new update entry). Returns that entry's id, or null when nothing changed at all.
   */
  apply(kind: RecordKind, id: number, changes: ExplicitChanges, since: number): number | null {
    const table = TABLES[kind];
    const row = this.sqlite.prepare<[number], Values>(`SELECT * FROM ${table} WHERE id = ?`).get(id);
    if (!row) return null;
    const diff = [...changes].flatMap(([field, value]) => {
      const before = customFieldIdOf(field) === undefined ? ((row[field] as ColumnValue | null | undefined) ?? null) : this.custom.current(kind, id, field);
      return before === value ? [] : [{ field, before, value }];
    });
    const entry = this.sqlite
      .prepare<[string, number, number], { id: number; before: string | null; after: string }>(
        'SELECT id, before, after FROM merge_journal WHERE target_kind = ? AND target_id = ? AND id > ? ORDER BY id DESC LIMIT 1',
      )
      .get(kind, id, since);
    if (diff.length === 0 && !entry) return null;
    const at = this.now();
    const columns = diff.filter((d) => customFieldIdOf(d.field) === undefined);
    if (columns.length > 0) {
      this.sqlite
        .prepare(`UPDATE ${table} SET ${[...columns.map((d) => `${d.field} = ?`), 'updated_at = ?'].join(', ')} WHERE id = ?`)
        .run(...columns.map((d) => d.value), at, id);
    }
    for (const d of diff) if (customFieldIdOf(d.field) !== undefined) this.custom.set(kind, id, d.field, d.value);
    const previous = new Map(
      this.sqlite
        .prepare<[string, number], JournaledProvenance & { field: string }>('SELECT field, source_kind, source_id, set_at FROM field_provenance WHERE target_kind = ? AND target_id = ?')
        .all(kind, id)
        .map(({ field, ...p }) => [field, p]),
    );
    const put = this.sqlite.prepare(PUT_PROVENANCE);
    const before: Values = entry ? (JSON.parse(entry.before ?? '{}') as Values) : { updated_at: row.updated_at };
    const after: Values = entry ? (JSON.parse(entry.after) as Values) : {};
    const provenance = (before[PROVENANCE_KEY] ?? {}) as Record<string, JournaledProvenance | null>;
    for (const d of diff) {
      before[d.field] = d.before;
      after[d.field] = d.value;
      if (!tracked(d.field)) continue;
      provenance[d.field] = previous.get(d.field) ?? null;
      put.run(kind, id, d.field, 'person', null, at);
    }
    Object.assign(before, { [PROVENANCE_KEY]: provenance });
    Object.assign(after, { updated_at: at, [SOURCE_KEY]: { kind: 'person', id: null } });
    if (entry) {
      this.sqlite.prepare('UPDATE merge_journal SET before = ?, after = ? WHERE id = ?').run(JSON.stringify(before), JSON.stringify(after), entry.id);
      return entry.id;
    }
    const inserted = this.sqlite
      .prepare("INSERT INTO merge_journal (import_id, target_kind, target_id, action, before, after, created_at) VALUES (NULL, ?, ?, 'update', ?, ?, ?)")
      .run(kind, id, JSON.stringify(before), JSON.stringify(after), at);
    return Number(inserted.lastInsertRowid);
  }
}
