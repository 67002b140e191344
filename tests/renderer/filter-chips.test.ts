import { describe, expect, it } from 'vitest';
import { filterChips } from '../../src/renderer/lib/filter-chips';

const names = { tag: (id: number) => ({ 1: 'Hot', 2: 'Cold' })[id] ?? `#${id}`, importName: (id: number) => `file-${id}.csv` };

describe('active filter chips', () => {
  it('names each active field once, with tag and import names', () => {
    const chips = filterChips({ search: 'ada', tagsInclude: [1, 2], tagsExclude: [9], hasEmail: 'no', headcountMin: 10, importId: 4 }, names);
    expect(chips).toEqual([
      { key: 'search', label: 'Search: ada' },
      { key: 'tagsInclude', label: 'Tagged: Hot, Cold' },
      { key: 'tagsExclude', label: 'Not tagged: #9' },
      { key: 'hasEmail', label: 'Email: no' },
      { key: 'headcountMin', label: 'Headcount ≥ 10' },
      { key: 'importId', label: 'Import: file-4.csv' },
    ]);
  });

  it('has no chip for fields that do not filter', () => {
    expect(filterChips({ search: ' ', hasPhone: 'any', countries: [], verification: undefined }, names)).toEqual([]);
  });

  it('keeps a zero bound, which still filters', () => {
    expect(filterChips({ revenueMax: 0 }, names)).toEqual([{ key: 'revenueMax', label: 'Revenue ≤ 0' }]);
  });
});
