import { describe, expect, it } from 'vitest';
import { fieldLabelFor } from '../../src/renderer/screens/lead-detail/field-label';
import { findTag } from '../../src/renderer/screens/lead-detail/find-tag';
import { leadName } from '../../src/renderer/screens/lead-detail/lead-fields';
import { dueAtOf } from '../../src/renderer/screens/lead-detail/reminder-due';

describe('findTag', () => {
  const tags = [{ id: 1, name: 'Conference' }, { id: 2, name: 'VIP' }];
  it('matches names regardless of case and surrounding spaces', () => {
    expect(findTag(tags, ' conference ')?.id).toBe(1);
    expect(findTag(tags, 'vip')?.id).toBe(2);
    expect(findTag(tags, 'Conf')).toBeUndefined();
  });
});

describe('fieldLabelFor', () => {
  const label = fieldLabelFor([{ fieldId: 4, name: 'Seniority' }]);
  it('names known fields, custom fields and falls back to the API name', () => {
    expect(label('jobTitle')).toBe('Job title');
    expect(label('companyId')).toBe('Company');
    expect(label('custom.4')).toBe('Seniority');
    expect(label('custom:4')).toBe('Seniority');
    expect(label('custom.9')).toBe('Custom field 9');
    expect(label('somethingNew')).toBe('somethingNew');
  });
});

describe('leadName', () => {
  it('uses the full name, else the email, else the number', () => {
    expect(leadName({ id: 1, firstName: 'Ada', middleName: null, lastName: 'Lovelace', email: 'a@x.io' })).toBe('Ada Lovelace');
    expect(leadName({ id: 1, firstName: null, middleName: null, lastName: null, email: 'a@x.io' })).toBe('a@x.io');
    expect(leadName({ id: 7, firstName: null, middleName: null, lastName: null, email: null })).toBe('Lead 7');
  });
});

describe('dueAtOf', () => {
  it('makes a picked day fall due that morning, local time', () => {
    const due = new Date(dueAtOf('2026-04-02') ?? '');
    expect([due.getFullYear(), due.getMonth(), due.getDate(), due.getHours()]).toEqual([2026, 3, 2, 9]);
  });

  it('refuses anything but a picked day', () => {
    expect(dueAtOf('')).toBeUndefined();
    expect(dueAtOf('02/04/2026')).toBeUndefined();
  });
});
