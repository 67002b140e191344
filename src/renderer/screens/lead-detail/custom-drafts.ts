import type { CustomField, CustomFieldValue } from '../../../shared/contract/schemas/custom-fields';

/** The text of each custom field's control, keyed by field id; booleans as 'yes'/'no', unset as ''. */
export type CustomDraft = Record<number, string>;

const asText = (value: CustomFieldValue['value'] | undefined): string => {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
};

/** The controls' starting text: the stored values, blank for fields without one. */
export const customDraftOf = (fields: readonly CustomField[], values: readonly CustomFieldValue[]): CustomDraft =>
  Object.fromEntries(fields.map((field) => [field.id, asText(values.find((v) => v.fieldId === field.id)?.value)]));

/** The patch for `leads.update`/`companies.update` `custom`: changed fields only, blank clearing (null). */
export function customPatchOf(start: CustomDraft, draft: CustomDraft): Record<string, string | null> {
  const patch: Record<string, string | null> = {};
  for (const [id, text] of Object.entries(draft)) {
    const trimmed = text.trim();
    if (trimmed !== (start[Number(id)] ?? '').trim()) patch[id] = trimmed === '' ? null : trimmed;
  }
  return patch;
}

/** The messages issues carry for one custom field (paths `custom.<fieldId>`). */
export const customIssuesFor = (issues: readonly { readonly path: string; readonly message: string }[], fieldId: number): string[] =>
  issues.filter((issue) => issue.path === `custom.${fieldId}`).map((issue) => issue.message);
