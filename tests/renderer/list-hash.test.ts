import { describe, expect, it } from 'vitest';
import { leadFilter, leadSort } from '../../src/shared/contract/schemas/lead-filter';
import { compactFilter, viewFromHash, viewToHash } from '../../src/renderer/lib/list-hash';

describe('list views in the location hash', () => {
  it('writes a filter and sort that read back the same', () => {
    const view = { filter: { search: 'ada', hasEmail: 'yes' as const, tagsInclude: [3, 4], createdFrom: '2025-03-01T00:00:00.000Z' }, sort: { field: 'email' as const, direction: 'asc' as const } };
    const hash = viewToHash('leads', view);
    expect(hash.startsWith('#/leads?')).toBe(true);
    expect(viewFromHash(hash, leadFilter, leadSort)).toEqual(view);
  });

  it('leaves fields that do not filter out of the hash', () => {
    const hash = viewToHash('leads', { filter: { search: '  ', hasPhone: 'any', countries: [], hasEmail: undefined }, sort: { field: 'created', direction: 'desc' } });
    expect(hash).toBe('#/leads?s=created.desc');
    expect(viewFromHash(hash, leadFilter, leadSort)).toEqual({ sort: { field: 'created', direction: 'desc' } });
  });

  it('reads nothing from a hash without a view', () => {
    expect(viewFromHash('#/leads', leadFilter, leadSort)).toBeUndefined();
  });

  it('drops a filter or sort that fails its schema instead of trusting it', () => {
    expect(viewFromHash('#/leads?f=%7B%22hasEmail%22%3A%22maybe%22%7D&s=created.desc', leadFilter, leadSort)).toEqual({ sort: { field: 'created', direction: 'desc' } });
    expect(viewFromHash('#/leads?f=not-json&s=password.asc', leadFilter, leadSort)).toBeUndefined();
    expect(viewFromHash('#/leads?f=%7B%22search%22%3A%22x%22%7D&s=lastName.sideways', leadFilter, leadSort)).toEqual({ filter: { search: 'x' } });
  });

  it('compacts a filter to the fields that narrow the list', () => {
    expect(compactFilter({ search: 'x', hasEmail: 'any', tagsInclude: [], headcountMin: 0 })).toEqual({ search: 'x', headcountMin: 0 });
  });
});
