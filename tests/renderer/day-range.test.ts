import { describe, expect, it } from 'vitest';
import { dayEndIso, dayStartIso, isoToDay } from '../../src/renderer/lib/day-range';
import { splitWords } from '../../src/renderer/lib/split-words';

describe('date range inputs', () => {
  it('covers the whole picked day, both ends included', () => {
    const start = Date.parse(dayStartIso('2025-03-12'));
    const end = Date.parse(dayEndIso('2025-03-12'));
    expect(end - start).toBe(86_400_000 - 1);
    expect(isoToDay(dayStartIso('2025-03-12'))).toBe('2025-03-12');
    expect(isoToDay(dayEndIso('2025-03-12'))).toBe('2025-03-12');
  });

  it('shows nothing for a missing or broken time', () => {
    expect(isoToDay(undefined)).toBe('');
    expect(isoToDay('soon')).toBe('');
  });
});

describe('comma-separated words', () => {
  it('trims words and drops blanks; none left removes the field', () => {
    expect(splitWords(' US, ,France ,')).toEqual(['US', 'France']);
    expect(splitWords(' , ')).toBeUndefined();
  });
});
