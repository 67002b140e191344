import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../src/shared/contract/schemas/custom-fields';
import { customDraftOf, customIssuesFor, customPatchOf } from '../../src/renderer/screens/lead-detail/custom-drafts';
import { describeCustomField } from '../../src/renderer/screens/lead-detail/custom-field-hint';

const field = (id: number, type: CustomField['type'], extra: Partial<CustomField> = {}): CustomField => ({
  id,
  targetKind: 'lead',
  name: `f${id}`,
  type,
  format: null,
  min: null,
  max: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('custom value drafts', () => {
  const fields = [field(1, 'boolean'), field(2, 'integer'), field(3, 'string')];
  const values = [
    { fieldId: 1, name: 'f1', type: 'boolean' as const, value: true, provenance: null },
    { fieldId: 2, name: 'f2', type: 'integer' as const, value: 7, provenance: null },
  ];

  it('starts from the stored values, yes/no for booleans and blank when unset', () => {
    expect(customDraftOf(fields, values)).toEqual({ 1: 'yes', 2: '7', 3: '' });
  });

  it('patches only what changed, clearing with null', () => {
    const start = customDraftOf(fields, values);
    expect(customPatchOf(start, { ...start, 2: '' , 3: ' senior ' })).toEqual({ 2: null, 3: 'senior' });
    expect(customPatchOf(start, { ...start })).toEqual({});
  });

  it('picks the issues of one field', () => {
    const issues = [
      { path: 'custom.2', message: '"x" is not a whole number' },
      { path: 'custom.20', message: 'other' },
    ];
    expect(customIssuesFor(issues, 2)).toEqual(['"x" is not a whole number']);
  });
});

describe('describeCustomField', () => {
  it('says the type and its limits', () => {
    expect(describeCustomField(field(1, 'integer', { min: 1, max: 10 }))).toBe('Whole number from 1 to 10');
    expect(describeCustomField(field(1, 'float', { min: 0 }))).toBe('Number at least 0');
    expect(describeCustomField(field(1, 'date', { format: 'dd/mm/yyyy' }))).toBe('Date, imported as dd/mm/yyyy');
    expect(describeCustomField(field(1, 'string', { format: '^[A-Z]+$' }))).toBe('Short text, matching ^[A-Z]+$');
    expect(describeCustomField(field(1, 'boolean'))).toBe('Yes or no');
  });
});
