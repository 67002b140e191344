import { describe, expect, it } from 'vitest';
import { draftOf, fieldKeys, patchOf, type FieldGroup } from '../../src/renderer/screens/lead-detail/field-groups';

type Key = 'name' | 'title' | 'headcount';
const groups: readonly FieldGroup<Key>[] = [
  { title: 'A', fields: [{ key: 'name', label: 'Name' }, { key: 'title', label: 'Title' }] },
  { title: 'B', fields: [{ key: 'headcount', label: 'Headcount', kind: 'count' }] },
];
const record = { name: 'Ada', title: null, headcount: 12 };

describe('draftOf', () => {
  it('turns stored values into text, blank when unset', () => {
    expect(draftOf(record, groups)).toEqual({ name: 'Ada', title: '', headcount: '12' });
  });
});

describe('patchOf', () => {
  it('sends nothing when nothing changed, even with stray spaces', () => {
    expect(patchOf(record, { name: ' Ada ', title: '', headcount: '12' }, groups)).toEqual({ changes: {}, errors: {} });
  });

  it('sends changed text trimmed and a blank field as null to clear it', () => {
    expect(patchOf(record, { name: '', title: ' CTO ', headcount: '12' }, groups).changes).toEqual({ name: null, title: 'CTO' });
  });

  it('sends counts as numbers and refuses counts that are not whole numbers', () => {
    expect(patchOf(record, { name: 'Ada', title: '', headcount: '40' }, groups).changes).toEqual({ headcount: 40 });
    expect(patchOf(record, { name: 'Ada', title: '', headcount: '' }, groups).changes).toEqual({ headcount: null });
    const bad = patchOf(record, { name: 'Ada', title: '', headcount: '4.5' }, groups);
    expect(bad.errors).toEqual({ headcount: ['must be a whole number'] });
    expect(bad.changes).toEqual({});
  });
});

describe('fieldKeys', () => {
  it('lists every field in display order', () => {
    expect(fieldKeys(groups)).toEqual(['name', 'title', 'headcount']);
  });
});
