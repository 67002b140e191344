import { describe, expect, it } from 'vitest';
import { customFieldInputOf, emptyCustomFieldDraft } from '../../src/renderer/screens/tags/custom-field-draft';

describe('customFieldInputOf', () => {
  it('sends only what the type uses', () => {
    expect(customFieldInputOf({ ...emptyCustomFieldDraft, name: 'Seniority', type: 'boolean', format: 'x', min: '1' })).toEqual({
      input: { targetKind: 'lead', name: 'Seniority', type: 'boolean' },
    });
    expect(customFieldInputOf({ ...emptyCustomFieldDraft, name: 'Born', type: 'date', format: ' dd/mm/yyyy ' })).toEqual({
      input: { targetKind: 'lead', name: 'Born', type: 'date', format: 'dd/mm/yyyy' },
    });
  });

  it('reads the range of number fields, blank bounds left out', () => {
    expect(customFieldInputOf({ ...emptyCustomFieldDraft, targetKind: 'company', name: 'Score', type: 'float', min: '-1.5', max: '' })).toEqual({
      input: { targetKind: 'company', name: 'Score', type: 'float', min: -1.5 },
    });
  });

  it('marks bounds that are not numbers', () => {
    expect(customFieldInputOf({ ...emptyCustomFieldDraft, name: 'Score', type: 'integer', min: 'ten', max: '5' })).toEqual({ errors: { min: ['must be a number'] } });
  });
});
