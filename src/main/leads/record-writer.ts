import type { Database, Statement } from 'better-sqlite3';
import type { ColumnValue, UpsertResult, UpsertSource } from './upsert-types';

/** Which table a writer upserts into and how its rows deduplicate. */
export interface RecordTable {
  readonly table: 'leads' | 'companies';
  readonly kind: 'lead' | 'company';
  /** Dedup key columns in precedence order (after the id); a key with a raw companion is derived and carries no provenance. */
  readonly keys: readonly { readonly column: string; readonly raw?: string }[];
}

type Row = Record<string, ColumnValue | null>;

/** Key of an update's `before` under which the replaced provenance of each changed field is journaled, for undo. */
export const PROVENANCE_KEY = '$provenance';

/** Sets who last set a field: (target_kind, target_id, field, source_kind, source_id, set_at). */
export const PUT_PROVENANCE = `INSERT INTO field_provenance (target_kind, target_id, field, source_kind, source_id, set_at) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (target_kind, target_id, field) DO UPDATE SET source_kind = excluded.source_kind, source_id = excluded.source_id, set_at = excluded.set_at`;

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
  private readonly writes = new Map<string, Statement<ColumnValue[]>>();
  private readonly journal: Statement<[number | null, string, number, string, string | null, string, number]>;
  private readonly provenance: Statement<[string, number, string, string, number | null, number]>;
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
    this.journal = sqlite.prepare(
      'INSERT INTO merge_journal (import_id, target_kind, target_id, action, before, after, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.provenance = sqlite.prepare(PUT_PROVENANCE);
    this.provenanceOf = sqlite.prepare('SELECT field, source_kind, source_id, set_at FROM field_provenance WHERE target_kind = ? AND target_id = ?');
  }

  /** Matches by id then by each key in turn, and inserts or updates with only the given columns. */
  upsert(id: number | null | undefined, values: Map<string, ColumnValue>, source: UpsertSource): UpsertResult {
    const row = this.match(id, values);
    const at = this.now();
    if (!row) return { id: this.insert(values, source, at), outcome: 'inserted' };
    const changed = [...values].filter(([column, value]) => row[column] !== value);
    if (changed.length === 0) return { id: row.id as number, outcome: 'unchanged' };
    this.update(row, changed, source, at);
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
    for (const { column, raw } of this.spec.keys) {
      const value = values.get(column);
      if (value === undefined || row?.[column] === value) continue;
      const holder = this.byKey.get(column)?.get(value);
      if (!row) row = holder;
      else if (holder) {
        values.delete(column);
        if (raw) values.delete(raw);
      }
    }
    return row;
  }

  private insert(values: Map<string, ColumnValue>, source: UpsertSource, at: number): number {
    const columns = [...values.keys(), 'created_at', 'updated_at'];
    const sql = `INSERT INTO ${this.spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const id = Number(this.statement(sql).run(...values.values(), at, at).lastInsertRowid);
    this.record(id, 'insert', null, Object.fromEntries(values), source, at);
    return id;
  }

  private update(row: Row, changed: [string, ColumnValue][], source: UpsertSource, at: number): void {
    const id = row.id as number;
    const sql = `UPDATE ${this.spec.table} SET ${changed.map(([column]) => `${column} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;
    this.statement(sql).run(...changed.map(([, value]) => value), at, id);
    const previous = new Map(this.provenanceOf.all(this.spec.kind, id).map(({ field, ...p }) => [field, p]));
    const provenance = Object.fromEntries(changed.filter(([c]) => this.tracked(c)).map(([c]) => [c, previous.get(c) ?? null]));
    const before = Object.fromEntries([...changed.map(([column]) => [column, row[column]]), ['updated_at', row.updated_at], [PROVENANCE_KEY, provenance]]);
    this.record(id, 'update', before, Object.fromEntries([...changed, ['updated_at', at]]), source, at);
  }

  /** Journals the change for undo and stamps the provenance of every changed field. */
  private record(id: number, action: 'insert' | 'update', before: object | null, after: Record<string, unknown>, source: UpsertSource, at: number): void {
    const importId = source.importId ?? (source.kind === 'import' ? source.id : null);
    this.journal.run(importId, this.spec.kind, id, action, before && JSON.stringify(before), JSON.stringify(after), at);
    for (const field of Object.keys(after)) {
      if (this.tracked(field)) this.provenance.run(this.spec.kind, id, field, source.kind, source.id, at);
    }
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
