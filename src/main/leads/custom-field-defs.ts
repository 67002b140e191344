import type { Database } from 'better-sqlite3';
import type { CustomFieldRule, CustomFieldType } from '../../shared/custom-field-value';

/** A live custom field with what parsing its values needs. */
export interface CustomFieldDef extends CustomFieldRule {
  readonly id: number;
  readonly kind: 'lead' | 'company';
  readonly name: string;
  readonly type: CustomFieldType;
}

interface FieldRow {
  id: number;
  target_kind: 'lead' | 'company';
  name: string;
  type: CustomFieldType;
  format: string | null;
  min_value: number | null;
  max_value: number | null;
}

/** Every live custom field of leads and companies, by name. */
export function liveCustomFields(sqlite: Database): CustomFieldDef[] {
  return sqlite
    .prepare<[], FieldRow>('SELECT id, target_kind, name, type, format, min_value, max_value FROM custom_fields WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id')
    .all()
    .map((f) => ({ id: f.id, kind: f.target_kind, name: f.name, type: f.type, format: f.format, minValue: f.min_value, maxValue: f.max_value }));
}
