import type { Database } from 'better-sqlite3';
import { ApiError } from '../../api/api-error';
import type { ColumnValue } from '../../leads/upsert-types';
import type { RecordKind } from './record-edits';

/** A dedup key a person may edit: how it normalises, the column holding the normal form, and what to call it. */
export interface EditableKey {
  readonly normalise: (text: string) => string | null;
  readonly column: string;
  readonly what: string;
}

/** How a manual edit of one kind of record maps onto columns. */
export interface PatchSpec {
  readonly kind: RecordKind;
  readonly table: 'leads' | 'companies';
  /** API field → the columns clearing it empties (the shown column, then its derived key). */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  /** API fields that are dedup keys. */
  readonly keys: Readonly<Record<string, EditableKey>>;
}

/** A manual edit split into what the upsert engine writes and what must be cleared explicitly. */
export interface SplitPatch {
  /** Non-blank values by API field, for the engine. */
  readonly sets: Record<string, ColumnValue>;
  /** Columns to set to null. */
  readonly clears: string[];
}

/**
 * Splits the given fields of a manual edit: a blank string or null clears, anything else is set. Refuses with 400
 * a key that does not normalise (naming the field) and with 409 one that another live record holds (naming it).
 */
export function splitPatch(sqlite: Database, spec: PatchSpec, id: number, patch: Readonly<Record<string, string | number | null | undefined>>): SplitPatch {
  const sets: Record<string, ColumnValue> = {};
  const clears: string[] = [];
  const issues: { path: string; message: string }[] = [];
  for (const [field, value] of Object.entries(patch)) {
    const columns = spec.fields[field];
    if (value === undefined || !columns) continue;
    if (value === null || (typeof value === 'string' && value.trim() === '')) {
      clears.push(...columns);
      continue;
    }
    const key = spec.keys[field];
    if (key && typeof value === 'string' && key.normalise(value) === null) issues.push({ path: field, message: `${JSON.stringify(value.slice(0, 80))} is not a valid ${key.what}` });
    sets[field] = typeof value === 'string' ? value.trim() : value;
  }
  if (issues.length > 0) throw new ApiError('bad_request', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  for (const [field, key] of Object.entries(spec.keys)) {
    const value = sets[field];
    if (typeof value !== 'string') continue;
    const holder = sqlite
      .prepare<[string, number], { id: number }>(`SELECT id FROM ${spec.table} WHERE ${key.column} = ? AND deleted_at IS NULL AND id <> ?`)
      .get(key.normalise(value) as string, id);
    if (holder) throw new ApiError('conflict', `${field}: ${spec.kind} ${holder.id} already has this ${key.what}`);
  }
  return { sets, clears };
}

/** The live record of `spec` holding any of `row`'s dedup keys, for refusing a restore that would clash. */
export function keyHolder(sqlite: Database, spec: PatchSpec, row: Record<string, unknown>): { field: string; id: number } | undefined {
  for (const [field, key] of Object.entries(spec.keys)) {
    const value = row[key.column];
    if (typeof value !== 'string') continue;
    const holder = sqlite.prepare<[string, unknown], { id: number }>(`SELECT id FROM ${spec.table} WHERE ${key.column} = ? AND deleted_at IS NULL AND id <> ?`).get(value, row.id);
    if (holder) return { field, id: holder.id };
  }
  return undefined;
}
