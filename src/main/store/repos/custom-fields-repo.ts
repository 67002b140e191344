import type { Database } from 'better-sqlite3';
import type { CustomField, CustomFieldValue } from '../../../shared/contract/schemas/custom-fields';
import type { ProvenanceEntry } from '../../../shared/contract/schemas/provenance';
import { parseCustomValue, type CustomFieldType } from '../../../shared/custom-field-value';
import { toIso } from '../../../shared/iso-time';
import { ApiError } from '../../api/api-error';
import { customFieldName } from '../../leads/custom-values';

/** Leads or companies: what a custom field belongs to. */
export type CustomTarget = 'lead' | 'company';

interface FieldRow {
  id: number;
  target_kind: CustomTarget;
  name: string;
  type: CustomFieldType;
  format: string | null;
  min_value: number | null;
  max_value: number | null;
  created_at: number;
}

const toField = (r: FieldRow): CustomField => ({
  id: r.id,
  targetKind: r.target_kind,
  name: r.name,
  type: r.type,
  format: r.format,
  min: r.min_value,
  max: r.max_value,
  createdAt: toIso(r.created_at),
});

/** A stored value as the API shows it (booleans are stored 0/1). */
export const shownCustomValue = (type: CustomFieldType, value: string | number): string | number | boolean => (type === 'boolean' ? value === 1 : value);

/** The parsed values a manual edit sets, by field id, for the upsert engine. */
export const customSets = (parsed: ReadonlyMap<number, string | number | null>): Record<number, string | number> =>
  Object.fromEntries([...parsed].filter((entry): entry is [number, string | number] => entry[1] !== null));

/** The journal names (`custom:<id>`) of the custom values a manual edit clears. */
export const customClears = (parsed: ReadonlyMap<number, string | number | null>): string[] =>
  [...parsed].filter(([, value]) => value === null).map(([fieldId]) => customFieldName(fieldId));

/** Custom field definitions, and reading and validating their values. */
export class CustomFieldsRepo {
  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {}

  /** Live fields (of one kind when given), by name. */
  list(targetKind?: CustomTarget): CustomField[] {
    const rows = targetKind
      ? this.sqlite.prepare<[string], FieldRow>('SELECT * FROM custom_fields WHERE deleted_at IS NULL AND target_kind = ? ORDER BY name COLLATE NOCASE').all(targetKind)
      : this.sqlite.prepare<[], FieldRow>('SELECT * FROM custom_fields WHERE deleted_at IS NULL ORDER BY target_kind DESC, name COLLATE NOCASE').all();
    return rows.map(toField);
  }

  /** One live field, or null. */
  get(id: number): CustomField | null {
    const row = this.sqlite.prepare<[number], FieldRow>('SELECT * FROM custom_fields WHERE id = ? AND deleted_at IS NULL').get(id);
    return row ? toField(row) : null;
  }

  /** A new field; 409 when its name is taken for that kind in any case, 400 when the format does not fit the type. */
  create(input: { targetKind: CustomTarget; name: string; type: CustomFieldType; format?: string | undefined; min?: number | undefined; max?: number | undefined }): CustomField {
    this.refuseTakenName(input.targetKind, input.name, null);
    checkFormat(input.type, input.format ?? null);
    const at = this.now();
    const id = Number(
      this.sqlite
        .prepare('INSERT INTO custom_fields (target_kind, name, type, format, min_value, max_value, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.targetKind, input.name, input.type, input.format ?? null, input.min ?? null, input.max ?? null, at, at).lastInsertRowid,
    );
    return this.get(id) as CustomField;
  }

  /** Renames a field or changes its format or range (null clears); null when it does not exist. */
  update(id: number, patch: { name?: string | undefined; format?: string | null | undefined; min?: number | null | undefined; max?: number | null | undefined }): CustomField | null {
    const current = this.get(id);
    if (!current) return null;
    const next = {
      name: patch.name ?? current.name,
      format: patch.format === undefined ? current.format : patch.format,
      min: patch.min === undefined ? current.min : patch.min,
      max: patch.max === undefined ? current.max : patch.max,
    };
    if (next.min !== null && next.max !== null && next.min > next.max) {
      throw new ApiError('bad_request', `max: must not be below min (${next.min})`, [{ path: 'max', message: `must not be below min (${next.min})` }]);
    }
    if (patch.name !== undefined) this.refuseTakenName(current.targetKind, patch.name, id);
    checkFormat(current.type, next.format);
    this.sqlite
      .prepare('UPDATE custom_fields SET name = ?, format = ?, min_value = ?, max_value = ?, updated_at = ? WHERE id = ?')
      .run(next.name, next.format, next.min, next.max, this.now(), id);
    return this.get(id);
  }

  /** Soft-deletes a field; false when it does not exist. Values stay stored but stop showing. */
  delete(id: number): boolean {
    const at = this.now();
    return this.sqlite.prepare('UPDATE custom_fields SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, at, id).changes > 0;
  }

  /**
   * Parses a manual edit's custom values (keyed by field id) by each field's type: a stored value, or null to clear.
   * Refuses with 400 naming every bad `custom.<id>`: an unknown field, a field of the other kind, or a value that does not parse.
   */
  parsePatch(kind: CustomTarget, patch: Record<string, string | number | boolean | null>): Map<number, string | number | null> {
    const parsed = new Map<number, string | number | null>();
    const issues: { path: string; message: string }[] = [];
    for (const [key, raw] of Object.entries(patch)) {
      const field = this.get(Number(key));
      const path = `custom.${key}`;
      if (!field || field.targetKind !== kind) {
        issues.push({ path, message: `no ${kind} custom field has id ${key}` });
        continue;
      }
      const text = raw === null ? '' : typeof raw === 'boolean' ? (raw ? 'true' : 'false') : String(raw);
      if (text.trim() === '') {
        parsed.set(field.id, null);
        continue;
      }
      const result = parseCustomValue({ type: field.type, format: field.format, minValue: field.min, maxValue: field.max }, text);
      if (result.ok) parsed.set(field.id, result.value);
      else issues.push({ path, message: `${field.name}: ${result.reason}` });
    }
    if (issues.length > 0) throw new ApiError('bad_request', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
    return parsed;
  }

  /** The stored values of one record's live fields, by field name, with who set each. */
  values(kind: CustomTarget, targetId: number, label: (sourceKind: ProvenanceEntry['sourceKind'], sourceId: number | null) => string | null): CustomFieldValue[] {
    const rows = this.sqlite
      .prepare<[string, number], { field_id: number; name: string; type: CustomFieldType; value: string | number; source_kind: ProvenanceEntry['sourceKind'] | null; source_id: number | null; set_at: number | null }>(
        `SELECT v.field_id, f.name, f.type, v.value, p.source_kind, p.source_id, p.set_at
         FROM custom_field_values v JOIN custom_fields f ON f.id = v.field_id AND f.deleted_at IS NULL
         LEFT JOIN field_provenance p ON p.target_kind = v.target_kind AND p.target_id = v.target_id AND p.field = 'custom:' || v.field_id
         WHERE v.target_kind = ? AND v.target_id = ? ORDER BY f.name COLLATE NOCASE`,
      )
      .all(kind, targetId);
    return rows.map((r) => ({
      fieldId: r.field_id,
      name: r.name,
      type: r.type,
      value: shownCustomValue(r.type, r.value),
      provenance:
        r.source_kind === null || r.set_at === null ? null : { sourceKind: r.source_kind, sourceId: r.source_id, setAt: toIso(r.set_at), label: label(r.source_kind, r.source_id) },
    }));
  }

  private refuseTakenName(kind: CustomTarget, name: string, self: number | null): void {
    const holder = this.sqlite
      .prepare<[string, string], { id: number }>('SELECT id FROM custom_fields WHERE target_kind = ? AND name = ? COLLATE NOCASE AND deleted_at IS NULL')
      .get(kind, name);
    if (holder && holder.id !== self) throw new ApiError('conflict', `name: a ${kind} custom field named ${JSON.stringify(name)} already exists (field ${holder.id})`);
  }
}

/** A format only means something for `string` (a regular expression) and `date` (a pattern with yyyy, mm and dd). */
function checkFormat(type: CustomFieldType, format: string | null): void {
  if (format === null) return;
  const refuse = (message: string) => new ApiError('bad_request', `format: ${message}`, [{ path: 'format', message }]);
  if (type === 'string') {
    try {
      new RegExp(format, 'u');
    } catch {
      throw refuse('not a valid regular expression');
    }
  } else if (type === 'date') {
    if (!/yyyy/i.test(format) || !/m/i.test(format) || !/d/i.test(format)) throw refuse('a date format needs yyyy, mm and dd, e.g. dd/mm/yyyy');
  } else throw refuse(`a ${type} field takes no format`);
}
