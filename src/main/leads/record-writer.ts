import type { Database, Statement } from 'better-sqlite3';
import { isAlternativeProfileUrl } from '../../shared/normalise';
import { CustomValues, type FieldChange } from './custom-values';
import type { ColumnValue, UpsertResult, UpsertSource } from './upsert-types';

/** Which table a writer upserts into and how its rows deduplicate. */
export interface RecordTable {
  readonly table: 'leads' | 'companies';
  readonly kind: 'lead' | 'company';
  /**
   * Dedup key columns in precedence order (after the id); a key with a raw companion is derived and carries no provenance.
   * A key with an `alt` column also matches a row whose alternative form equals it, or whose key equals the given alternative.
   */
  readonly keys: readonly { readonly column: string; readonly raw?: string; readonly alt?: string }[];
}

const NO_CUSTOM: ReadonlyMap<number, ColumnValue> = new Map();

type Row = Record<string, ColumnValue | null>;

/** Key of an update's `before` under which the replaced provenance of each changed field is journaled, for undo. */
export const PROVENANCE_KEY = '$provenance';

const putProvenanceRows = (rows: number): string =>
  `INSERT INTO field_provenance (target_kind, target_id, field, source_kind, source_id, set_at) VALUES ${Array<string>(rows).fill('(?, ?, ?, ?, ?, ?)').join(', ')}
  ON CONFLICT (target_kind, target_id, field) DO UPDATE SET source_kind = excluded.source_kind, source_id = excluded.source_id, set_at = excluded.set_at`;

/** Sets who last set a field: (target_kind, target_id, field, source_kind, source_id, set_at). */
export const PUT_PROVENANCE = putProvenanceRows(1);

/** A provenance row as journaled. */
export interface JournaledProvenance {
  source_kind: string;
  source_id: number | null;
  set_at: number;
}

/** Upserts rows of one table with journal and provenance, on cached prepared statements; call inside a transaction. */
export class RecordWriter {
  private readonly byId: Statement<[number], Row>;
  private readonly byKey = new Map<string, Statement<[ColumnValue], Row>>();
  // Not indexed: only consulted for a key in its alternative form that matched nothing else.
  private readonly byAlt = new Map<string, Statement<[ColumnValue], Row>>();
  private readonly custom: CustomValues;
  private readonly writes = new Map<string, Statement<ColumnValue[]>>();
  private readonly journal: Statement<[number | null, string, number, string, string | null, string, number]>;
  // Provenance of a record's fields in one statement, by field count: one call per record instead of one per field.
  private readonly provenance: Statement<(string | number | null)[]>[] = [];
  private readonly provenanceOf: Statement<[string, number], JournaledProvenance & { field: string }>;

  constructor(
    private readonly sqlite: Database,
    private readonly spec: RecordTable,
    private readonly now: () => number,
  ) {
    this.byId = sqlite.prepare(`SELECT * FROM ${spec.table} WHERE id = ? AND deleted_at IS NULL`);
    for (const { column } of spec.keys) {
      this.byKey.set(column, sqlite.prepare(`SELECT * FROM ${spec.table} WHERE ${column} = ? AND deleted_at IS NULL`));
    }
    for (const { alt } of spec.keys) {
      if (alt) this.byAlt.set(alt, sqlite.prepare(`SELECT * FROM ${spec.table} WHERE ${alt} = ? AND deleted_at IS NULL LIMIT 1`));
    }
    this.custom = new CustomValues(sqlite);
    this.journal = sqlite.prepare(
      'INSERT INTO merge_journal (import_id, target_kind, target_id, action, before, after, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.provenanceOf = sqlite.prepare('SELECT field, source_kind, source_id, set_at FROM field_provenance WHERE target_kind = ? AND target_id = ?');
  }

  /** Matches by id then by each key in turn, and inserts or updates with only the given columns and custom values (by field id). */
  upsert(id: number | null | undefined, values: Map<string, ColumnValue>, source: UpsertSource, custom = NO_CUSTOM): UpsertResult {
    const row = this.match(id, values);
    const at = this.now();
    if (!row) return { id: this.insert(values, this.custom.changes(this.spec.kind, null, custom), source, at), outcome: 'inserted' };
    const changed = [...values].filter(([column, value]) => row[column] !== value);
    const customChanged = this.custom.changes(this.spec.kind, row.id as number, custom);
    if (changed.length === 0 && customChanged.length === 0) return { id: row.id as number, outcome: 'unchanged' };
    this.update(row, changed, customChanged, source, at);
    return { id: row.id as number, outcome: 'updated' };
  }

  /** The live row an upsert of these values would land on, without writing anything. */
  existing(id: number | null | undefined, values: ReadonlyMap<string, ColumnValue>): Row | undefined {
    return this.match(id, new Map(values));
  }

  /** Whether the values carry an id or a dedup key, i.e. whether an upsert can find an existing row at all. */
  hasKey(id: number | null | undefined, values: ReadonlyMap<string, ColumnValue>): boolean {
    return Boolean(id) || this.spec.keys.some(({ column }) => values.has(column));
  }

  /** The first live row matched in precedence order; a key held by another row is dropped from `values` rather than stolen. */
  private match(id: number | null | undefined, values: Map<string, ColumnValue>): Row | undefined {
    let row = id ? this.byId.get(id) : undefined;
    for (const { column, raw, alt } of this.spec.keys) {
      const value = values.get(column);
      if (value !== undefined && row?.[column] !== value) {
        const holder = this.byKey.get(column)?.get(value);
        if (!row) row = holder;
        else if (holder) {
          values.delete(column);
          if (raw) values.delete(raw);
        }
      }
      if (alt) row = this.matchAlternative(row, values, { column, raw, alt });
    }
    return row;
  }

  /**
   * Alternative forms: a row whose key is the given alternative is the same record (its key then moves to the given primary
   * form); a key given only in its alternative form also finds the row holding it as alternative, and never replaces a primary form.
   */
  private matchAlternative(row: Row | undefined, values: Map<string, ColumnValue>, key: { column: string; raw?: string; alt: string }): Row | undefined {
    const alt = values.get(key.alt);
    if (alt !== undefined && row?.[key.column] !== alt) {
      const holder = this.byKey.get(key.column)?.get(alt);
      if (!row) return holder;
      if (holder) values.delete(key.alt);
      return row;
    }
    const value = values.get(key.column);
    if (value === undefined || !isAlternativeProfileUrl(String(value))) return row;
    const target = row ?? this.byAlt.get(key.alt)?.get(value);
    const primary = target?.[key.column];
    if (typeof primary === 'string' && primary !== value && !isAlternativeProfileUrl(primary)) {
      values.delete(key.column);
      if (key.raw) values.delete(key.raw);
      values.set(key.alt, value);
    }
    return target;
  }

  private insert(values: Map<string, ColumnValue>, custom: FieldChange[], source: UpsertSource, at: number): number {
    const columns = [...values.keys(), 'created_at', 'updated_at'];
    const sql = `INSERT INTO ${this.spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const id = Number(this.statement(sql).run(...values.values(), at, at).lastInsertRowid);
    for (const [field, , value] of custom) this.custom.set(this.spec.kind, id, field, value);
    this.record(id, 'insert', null, Object.fromEntries([...values, ...custom.map(([field, , value]) => [field, value])]), source, at);
    return id;
  }

  private update(row: Row, changed: [string, ColumnValue][], custom: FieldChange[], source: UpsertSource, at: number): void {
    const id = row.id as number;
    const sql = `UPDATE ${this.spec.table} SET ${[...changed.map(([column]) => `${column} = ?`), 'updated_at = ?'].join(', ')} WHERE id = ?`;
    this.statement(sql).run(...changed.map(([, value]) => value), at, id);
    for (const [field, , value] of custom) this.custom.set(this.spec.kind, id, field, value);
    const all: FieldChange[] = [...changed.map(([column, value]): FieldChange => [column, row[column] ?? null, value]), ...custom];
    const previous = new Map(this.provenanceOf.all(this.spec.kind, id).map(({ field, ...p }) => [field, p]));
    const provenance = Object.fromEntries(all.filter(([c]) => this.tracked(c)).map(([c]) => [c, previous.get(c) ?? null]));
    const before = Object.fromEntries([...all.map(([field, value]) => [field, value]), ['updated_at', row.updated_at], [PROVENANCE_KEY, provenance]]);
    this.record(id, 'update', before, Object.fromEntries([...all.map(([field, , value]) => [field, value]), ['updated_at', at]]), source, at);
  }

  /** Journals the change for undo and stamps the provenance of every changed field. */
  private record(id: number, action: 'insert' | 'update', before: object | null, after: Record<string, unknown>, source: UpsertSource, at: number): void {
    const importId = source.importId ?? (source.kind === 'import' ? source.id : null);
    this.journal.run(importId, this.spec.kind, id, action, before && JSON.stringify(before), JSON.stringify(after), at);
    const fields = Object.keys(after).filter((field) => this.tracked(field));
    if (fields.length === 0) return;
    const put = (this.provenance[fields.length] ??= this.sqlite.prepare<(string | number | null)[]>(putProvenanceRows(fields.length)));
    put.run(...fields.flatMap((field) => [this.spec.kind, id, field, source.kind, source.id, at]));
  }

  /** Whether a column carries provenance (derived key columns and timestamps do not). */
  private tracked(column: string): boolean {
    return column !== 'updated_at' && !this.spec.keys.some((k) => k.column === column && k.raw);
  }

  private statement(sql: string): Statement<ColumnValue[]> {
    let statement = this.writes.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare<ColumnValue[]>(sql);
      this.writes.set(sql, statement);
    }
    return statement;
  }
}
