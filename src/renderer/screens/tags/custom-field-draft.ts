import type { CustomField } from '../../../shared/contract/schemas/custom-fields';

/** The new custom field form as typed. */
export interface CustomFieldDraft {
  readonly targetKind: CustomField['targetKind'];
  readonly name: string;
  readonly type: CustomField['type'];
  readonly format: string;
  readonly min: string;
  readonly max: string;
}

/** An empty form: a short text field on leads. */
export const emptyCustomFieldDraft: CustomFieldDraft = { targetKind: 'lead', name: '', type: 'string', format: '', min: '', max: '' };

/** Whether a type takes a format (a pattern for short text, an import date pattern for dates) or a range (numbers). */
export const takesFormat = (type: CustomField['type']): boolean => type === 'string' || type === 'date';
/** Whether a type takes a minimum and maximum. */
export const takesRange = (type: CustomField['type']): boolean => type === 'integer' || type === 'float';

/** The fields of `customFields.create` the form can mark. */
export const customFieldFields = ['targetKind', 'name', 'type', 'format', 'min', 'max'] as const;

type Input = { targetKind: CustomField['targetKind']; name: string; type: CustomField['type']; format?: string; min?: number; max?: number };

/** What `customFields.create` takes, leaving out what the type does not use and blanks; or the bounds that are not numbers. */
export function customFieldInputOf(draft: CustomFieldDraft): { readonly input: Input } | { readonly errors: Partial<Record<'min' | 'max', string[]>> } {
  const input: Input = { targetKind: draft.targetKind, name: draft.name, type: draft.type };
  if (takesFormat(draft.type) && draft.format.trim() !== '') input.format = draft.format.trim();
  const errors: Partial<Record<'min' | 'max', string[]>> = {};
  if (takesRange(draft.type)) {
    for (const bound of ['min', 'max'] as const) {
      const text = draft[bound].trim();
      if (text === '') continue;
      const value = Number(text);
      if (Number.isFinite(value)) input[bound] = value;
      else errors[bound] = ['must be a number'];
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { input };
}
