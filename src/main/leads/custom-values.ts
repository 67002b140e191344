import type { Database, Statement } from 'better-sqlite3';
import type { ColumnValue } from './upsert-types';

/** The journal and provenance field name of a custom field, e.g. `custom:12`. */
export const customFieldName = (fieldId: number): string => `custom:${fieldId}`;

/** The custom field id a journal or provenance field name stands for, or undefined for a column. */
export function customFieldIdOf(field: string): number | undefined {
  const match = /^custom:(\d+)$/.exec(field);
  return match ? Number(match[1]) : undefined;
}

/** A field a write changes: its column or custom field name, the value before (null when unset) and after. */
export type FieldChange = [field: string, before: ColumnValue | null, after: ColumnValue];

/** Reads and writes `custom_field_values` of leads and companies on cached prepared statements. */
export class CustomValues {
  private readonly get: Statement<[string, number, number], { value: ColumnValue }>;
  private readonly put: Statement<[string, number, number, ColumnValue]>;
  private readonly drop: Statement<[string, number, number]>;

  constructor(sqlite: Database) {
    this.get = sqlite.prepare('SELECT value FROM custom_field_values WHERE target_kind = ? AND target_id = ? AND field_id = ?');
    this.put = sqlite.prepare(
      'INSERT INTO custom_field_values (target_kind, target_id, field_id, value) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
    );
    this.drop = sqlite.prepare('DELETE FROM custom_field_values WHERE target_kind = ? AND target_id = ? AND field_id = ?');
  }

  /** The given values that differ from what the record holds (a record not yet written holds none). */
  changes(kind: 'lead' | 'company', id: number | null, values: ReadonlyMap<number, ColumnValue>): FieldChange[] {
    const changes: FieldChange[] = [];
    for (const [fieldId, value] of values) {
      const before = id === null ? null : (this.get.get(kind, id, fieldId)?.value ?? null);
      if (before !== value) changes.push([customFieldName(fieldId), before, value]);
    }
    return changes;
  }

  /** The current value of a field by its field name, or null when unset. */
  current(kind: 'lead' | 'company', id: number, field: string): ColumnValue | null {
    const fieldId = customFieldIdOf(field);
    return fieldId === undefined ? null : (this.get.get(kind, id, fieldId)?.value ?? null);
  }

  /** Sets a field by its field name; null removes the value. */
  set(kind: 'lead' | 'company', id: number, field: string, value: ColumnValue | null): void {
    const fieldId = customFieldIdOf(field);
    if (fieldId === undefined) return;
    if (value === null) this.drop.run(kind, id, fieldId);
    else this.put.run(kind, id, fieldId, value);
  }
}
