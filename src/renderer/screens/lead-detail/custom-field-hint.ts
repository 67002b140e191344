import type { CustomField } from '../../../shared/contract/schemas/custom-fields';

const typeNames: Record<CustomField['type'], string> = {
  string: 'Short text',
  text: 'Long text',
  integer: 'Whole number',
  float: 'Number',
  boolean: 'Yes or no',
  date: 'Date',
};

/** A custom field's type and limits in words ("Whole number from 1 to 10", "Date, imported as dd/mm/yyyy"). */
export function describeCustomField(field: Pick<CustomField, 'type' | 'format' | 'min' | 'max'>): string {
  const parts = [typeNames[field.type]];
  if (field.min !== null && field.max !== null) parts.push(`from ${field.min} to ${field.max}`);
  else if (field.min !== null) parts.push(`at least ${field.min}`);
  else if (field.max !== null) parts.push(`at most ${field.max}`);
  if (field.format) parts.push(field.type === 'date' ? `, imported as ${field.format}` : `, matching ${field.format}`);
  return parts.join(' ').replace(' ,', ',');
}
