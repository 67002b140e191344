import { z } from 'zod';
import { id, isoTime } from './common';
import { provenanceEntry } from './provenance';

/** What a custom field belongs to. */
export const customFieldTarget = z.enum(['lead', 'company']);

/** Types of custom field values. */
export const customFieldType = z.enum(['string', 'integer', 'float', 'boolean', 'date', 'text']);

/**
 * A custom field definition. `format` is a regular expression for `string` fields and an input date pattern
 * such as `dd/mm/yyyy` for `date` fields; `min`/`max` bound `integer` and `float` values.
 */
export const customField = z.object({
  id,
  targetKind: customFieldTarget,
  name: z.string(),
  type: customFieldType,
  format: z.string().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  createdAt: isoTime,
});

/** Custom field definition. */
export type CustomField = z.infer<typeof customField>;

const name = z.string().trim().min(1).max(80).regex(/^\P{Cc}*$/u, 'must not contain control characters');
const format = z.string().trim().min(1).max(200);
const bound = z.number().finite();

/** A new custom field; its name is unique per target kind regardless of case. */
export const customFieldCreateInput = z
  .strictObject({ targetKind: customFieldTarget, name, type: customFieldType, format: format.optional(), min: bound.optional(), max: bound.optional() })
  .refine((v) => v.min === undefined || v.max === undefined || v.min <= v.max, { path: ['max'], message: 'must not be below min' });

/** A change to a custom field; the type cannot change (stored values would stop fitting). null clears format, min or max. */
export const customFieldUpdateInput = z
  .strictObject({ id, name: name.optional(), format: format.nullable().optional(), min: bound.nullable().optional(), max: bound.nullable().optional() })
  .refine((v) => typeof v.min !== 'number' || typeof v.max !== 'number' || v.min <= v.max, { path: ['max'], message: 'must not be below min' });

/** A stored value as the API shows it: booleans as true/false, dates as yyyy-mm-dd, numbers as numbers. */
export const customValue = z.union([z.string(), z.number(), z.boolean()]);

/** One custom value on a lead or company, with its field and who set it. */
export const customFieldValue = z.object({
  fieldId: id,
  name: z.string(),
  type: customFieldType,
  value: customValue,
  provenance: provenanceEntry.nullable(),
});

/** Custom value on a record. */
export type CustomFieldValue = z.infer<typeof customFieldValue>;

/**
 * Custom values to set in a manual edit, keyed by field id: text is parsed by the field's type
 * (numbers and booleans are accepted as such); a blank string or null clears the value.
 */
export const customValuesPatch = z.record(z.string().regex(/^[1-9]\d{0,15}$/, 'expected a custom field id'), z.union([z.string().max(20_000), z.number(), z.boolean()]).nullable());
