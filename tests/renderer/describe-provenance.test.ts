import { describe, expect, it } from 'vitest';
import { describeProvenance, describeSource } from '../../src/renderer/screens/lead-detail/describe-provenance';
import { relativeTime } from '../../src/renderer/screens/lead-detail/relative-time';

const now = Date.parse('2026-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('relativeTime', () => {
  it('rounds down to the largest unit up to a month', () => {
    expect(relativeTime(ago(10_000), now)).toBe('just now');
    expect(relativeTime(ago(5 * 60_000 + 59_000), now)).toBe('5 min ago');
    expect(relativeTime(ago(2 * 3_600_000 + 1), now)).toBe('2 h ago');
    expect(relativeTime(ago(3 * 86_400_000), now)).toBe('3 d ago');
  });

  it('gives the date after a month, and "just now" for a clock slightly ahead', () => {
    expect(relativeTime(ago(40 * 86_400_000), now)).toMatch(/2026/);
    expect(relativeTime(ago(-5_000), now)).toBe('just now');
  });
});

describe('describeProvenance', () => {
  it('names the import file and how long ago', () => {
    expect(describeProvenance({ sourceKind: 'import', sourceId: 3, setAt: ago(2 * 3_600_000), label: 'Import people.csv' }, now)).toBe('from import people.csv · 2 h ago');
  });

  it('says a manual edit was made by you', () => {
    expect(describeProvenance({ sourceKind: 'person', sourceId: null, setAt: ago(0), label: 'Manual edit' }, now)).toBe('by you · just now');
  });

  it('still reads well without a label', () => {
    expect(describeSource({ sourceKind: 'import', label: null })).toBe('from an import');
    expect(describeSource({ sourceKind: 'rule', label: 'Rule 4' })).toBe('by rule 4');
    expect(describeSource({ sourceKind: 'api', label: null })).toBe('through the API');
  });
});
