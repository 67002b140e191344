/** How a field is entered in the edit form: text of some kind, or a whole number (company headcount, revenue). */
export type FieldKind = 'text' | 'email' | 'url' | 'tel' | 'count';

/** One editable field of a record. */
export interface FieldDef<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly kind?: FieldKind;
}

/** Fields shown together under a heading (Contact, Social…). */
export interface FieldGroup<K extends string> {
  readonly title: string;
  readonly fields: readonly FieldDef<K>[];
}

/** A stored field value. */
export type FieldValue = string | number | null;

/** The edit form's text for each field. */
export type Draft<K extends string> = Record<K, string>;

/** What a save sends (changed fields only; null clears) and the fields whose text cannot be sent. */
export interface Patch<K extends string> {
  readonly changes: Partial<Record<K, FieldValue>>;
  readonly errors: Partial<Record<K, readonly string[]>>;
}

const keysOf = <K extends string>(groups: readonly FieldGroup<K>[]): K[] => groups.flatMap((g) => g.fields.map((f) => f.key));

/** Every field of `groups` as the edit form starts it: the stored value as text, blank when unset. */
export function draftOf<K extends string>(record: Record<K, FieldValue>, groups: readonly FieldGroup<K>[]): Draft<K> {
  const draft = {} as Draft<K>;
  for (const key of keysOf(groups)) draft[key] = record[key] === null ? '' : String(record[key]);
  return draft;
}

/** The fields whose trimmed text differs from the stored value, ready to send; blank clears, counts must be whole numbers. */
export function patchOf<K extends string>(record: Record<K, FieldValue>, draft: Draft<K>, groups: readonly FieldGroup<K>[]): Patch<K> {
  const changes: Partial<Record<K, FieldValue>> = {};
  const errors: Partial<Record<K, readonly string[]>> = {};
  for (const field of groups.flatMap((g) => g.fields)) {
    const text = draft[field.key].trim();
    if (text === (record[field.key] === null ? '' : String(record[field.key]))) continue;
    if (field.kind !== 'count' || text === '') changes[field.key] = text === '' ? null : text;
    else if (/^\d+$/.test(text)) changes[field.key] = Number(text);
    else errors[field.key] = ['must be a whole number'];
  }
  return { changes, errors };
}

/** The keys of every field in `groups`, for sorting validation issues under them. */
export const fieldKeys = keysOf;
