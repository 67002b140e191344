import type { CustomFieldValue } from '../../../shared/contract/schemas/custom-fields';
import { fieldLabels } from '../imports/target-labels';

const extraLabels: Record<string, string> = { companyId: 'Company', emailVerification: 'Email verification', deletedAt: 'Deleted' };

/** Names a field of the history for people: a known field's label, a custom field's name, else the API name. */
export function fieldLabelFor(customValues: readonly Pick<CustomFieldValue, 'fieldId' | 'name'>[]): (field: string) => string {
  return (field) => {
    const custom = /^custom[.:](\d+)$/.exec(field);
    if (custom) return customValues.find((v) => v.fieldId === Number(custom[1]))?.name ?? `Custom field ${custom[1]}`;
    return (fieldLabels as Record<string, string>)[field] ?? extraLabels[field] ?? field;
  };
}
