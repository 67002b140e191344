import { describe, expect, it } from 'vitest';
import { CUSTOM_STRING_MAX, parseCustomValue } from '../../src/shared/custom-field-value';

describe('parseCustomValue', () => {
  it('reads whole numbers with thousands separators and refuses words and fractions', () => {
    expect(parseCustomValue({ type: 'integer' }, ' 1,200 ')).toEqual({ ok: true, value: 1200 });
    expect(parseCustomValue({ type: 'integer' }, '-42')).toEqual({ ok: true, value: -42 });
    expect(parseCustomValue({ type: 'integer' }, 'ten')).toEqual({ ok: false, reason: '"ten" is not a whole number' });
    expect(parseCustomValue({ type: 'integer' }, '1.5').ok).toBe(false);
    expect(parseCustomValue({ type: 'integer' }, '12,00').ok).toBe(false);
    expect(parseCustomValue({ type: 'integer' }, '99999999999999999999')).toEqual({ ok: false, reason: '"99999999999999999999" is too large' });
  });

  it('checks the range of numbers', () => {
    const seats = { type: 'integer' as const, minValue: 1, maxValue: 100 };
    expect(parseCustomValue(seats, '100')).toEqual({ ok: true, value: 100 });
    expect(parseCustomValue(seats, '0')).toEqual({ ok: false, reason: '"0" is below the minimum 1' });
    expect(parseCustomValue(seats, '101')).toEqual({ ok: false, reason: '"101" is above the maximum 100' });
    expect(parseCustomValue({ type: 'float', maxValue: 1 }, '1.5')).toEqual({ ok: false, reason: '"1.5" is above the maximum 1' });
  });

  it('reads decimals', () => {
    expect(parseCustomValue({ type: 'float' }, '1,234.5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseCustomValue({ type: 'float' }, '.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseCustomValue({ type: 'float' }, '2e3')).toEqual({ ok: true, value: 2000 });
    expect(parseCustomValue({ type: 'float' }, 'NaN')).toEqual({ ok: false, reason: '"NaN" is not a number' });
    expect(parseCustomValue({ type: 'float' }, '1,5').ok).toBe(false);
  });

  it('stores booleans as 1 and 0', () => {
    for (const yes of ['yes', 'TRUE', '1', 'Y']) expect(parseCustomValue({ type: 'boolean' }, yes)).toEqual({ ok: true, value: 1 });
    for (const no of ['No', 'false', '0']) expect(parseCustomValue({ type: 'boolean' }, no)).toEqual({ ok: true, value: 0 });
    expect(parseCustomValue({ type: 'boolean' }, 'maybe')).toEqual({ ok: false, reason: '"maybe" is not yes/no, true/false or 1/0' });
  });

  it('reads unambiguous dates to ISO and refuses day/month guesses without a format', () => {
    const date = { type: 'date' as const };
    expect(parseCustomValue(date, '2024-3-5')).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseCustomValue(date, '2024-03-05T10:00:00Z')).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseCustomValue(date, '2024/03/05')).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseCustomValue(date, '5 March 2024')).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseCustomValue(date, 'Sep 5, 2024')).toEqual({ ok: true, value: '2024-09-05' });
    expect(parseCustomValue(date, '03/04/2024')).toEqual({ ok: false, reason: '"03/04/2024" is not a date in yyyy-mm-dd (or a date with a month name)' });
    expect(parseCustomValue(date, '2024-02-30')).toEqual({ ok: false, reason: '"2024-02-30" is not a calendar date' });
    expect(parseCustomValue(date, '5 Marchy 2024').ok).toBe(false);
  });

  it('reads dates with a format', () => {
    expect(parseCustomValue({ type: 'date', format: 'dd/mm/yyyy' }, '03/04/2024')).toEqual({ ok: true, value: '2024-04-03' });
    expect(parseCustomValue({ type: 'date', format: 'mm/dd/yyyy' }, '03/04/2024')).toEqual({ ok: true, value: '2024-03-04' });
    expect(parseCustomValue({ type: 'date', format: 'd.m.yyyy' }, '3.4.2024')).toEqual({ ok: true, value: '2024-04-03' });
    expect(parseCustomValue({ type: 'date', format: 'dd/mm/yyyy' }, '2024-04-03')).toEqual({
      ok: false,
      reason: '"2024-04-03" is not a date in the format "dd/mm/yyyy"',
    });
    expect(parseCustomValue({ type: 'date', format: 'mm/dd/yyyy' }, '13/01/2024')).toEqual({ ok: false, reason: '"13/01/2024" is not a calendar date' });
  });

  it('limits strings and checks a string format as a regular expression', () => {
    expect(parseCustomValue({ type: 'string' }, '  Gold ')).toEqual({ ok: true, value: 'Gold' });
    expect(parseCustomValue({ type: 'string' }, 'x'.repeat(CUSTOM_STRING_MAX + 1)).ok).toBe(false);
    expect(parseCustomValue({ type: 'text' }, 'x'.repeat(CUSTOM_STRING_MAX + 1)).ok).toBe(true);
    const sku = { type: 'string' as const, format: '^[A-Z]{3}-\\d+$' };
    expect(parseCustomValue(sku, 'ABC-12')).toEqual({ ok: true, value: 'ABC-12' });
    expect(parseCustomValue(sku, 'abc')).toEqual({ ok: false, reason: '"abc" does not match the format "^[A-Z]{3}-\\\\d+$"' });
    expect(parseCustomValue({ type: 'string', format: '(' }, 'a').ok).toBe(false);
  });

  it('refuses a blank value', () => {
    expect(parseCustomValue({ type: 'string' }, '   ')).toEqual({ ok: false, reason: 'a value is required' });
  });
});
