// Parsing of custom field values typed by a person or read from an import (DOMAIN.md, "Custom field").

/** Types a custom field can have (`custom_fields.type`). */
export type CustomFieldType = 'string' | 'integer' | 'float' | 'boolean' | 'date' | 'text';

/** What parsing needs to know about a custom field. */
export interface CustomFieldRule {
  type: CustomFieldType;
  /** A regular expression for `string`, a date pattern such as `dd/mm/yyyy` for `date`. */
  format?: string | null;
  minValue?: number | null;
  maxValue?: number | null;
}

/** A parsed value ready to store (booleans are 0/1, dates ISO `yyyy-mm-dd`), or why the text is refused. */
export type CustomValueResult = { ok: true; value: string | number } | { ok: false; reason: string };

/** Longest `string` value; `text` values may be longer. */
export const CUSTOM_STRING_MAX = 500;
/** Longest `text` value. */
export const CUSTOM_TEXT_MAX = 20_000;

const INTEGER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)$/;
const FLOAT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?$|^[+-]?\.\d+$/i;
const TRUE_WORDS = new Set(['yes', 'true', '1', 'y']);
const FALSE_WORDS = new Set(['no', 'false', '0', 'n']);
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Parses `raw` as a value of the field `def`; `reason` quotes the text, e.g. `"ten" is not a whole number`. */
export function parseCustomValue(def: CustomFieldRule, raw: string): CustomValueResult {
  const text = raw.trim();
  const quoted = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  if (text === '') return fail('a value is required');
  switch (def.type) {
    case 'string':
    case 'text':
      return parseText(def, text, quoted);
    case 'integer':
      if (!INTEGER.test(text)) return fail(`${quoted} is not a whole number`);
      return inRange(def, Number(text.replace(/,/g, '')), quoted);
    case 'float':
      if (!FLOAT.test(text)) return fail(`${quoted} is not a number`);
      return inRange(def, Number(text.replace(/,/g, '')), quoted);
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: 1 };
      if (FALSE_WORDS.has(word)) return { ok: true, value: 0 };
      return fail(`${quoted} is not yes/no, true/false or 1/0`);
    }
    case 'date':
      return parseDate(def.format, text, quoted);
  }
}

function parseText(def: CustomFieldRule, text: string, quoted: string): CustomValueResult {
  const max = def.type === 'text' ? CUSTOM_TEXT_MAX : CUSTOM_STRING_MAX;
  if (text.length > max) return fail(`${quoted} is longer than ${max} characters`);
  if (def.type === 'string' && def.format) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(def.format, 'u');
    } catch {
      return fail(`the field's format ${JSON.stringify(def.format)} is not a valid regular expression`);
    }
    if (!pattern.test(text)) return fail(`${quoted} does not match the format ${JSON.stringify(def.format)}`);
  }
  return { ok: true, value: text };
}

function inRange(def: CustomFieldRule, value: number, quoted: string): CustomValueResult {
  if (!Number.isFinite(value)) return fail(`${quoted} is not a finite number`);
  if (def.type === 'integer' && !Number.isSafeInteger(value)) return fail(`${quoted} is too large`);
  if (def.minValue != null && value < def.minValue) return fail(`${quoted} is below the minimum ${def.minValue}`);
  if (def.maxValue != null && value > def.maxValue) return fail(`${quoted} is above the maximum ${def.maxValue}`);
  return { ok: true, value };
}

/**
 * Accepts only unambiguous dates without a format: ISO `yyyy-mm-dd` (a time part is dropped), `yyyy/mm/dd`
 * and dates with a month name ("5 March 2024", "March 5, 2024"). `03/04/2024` needs a format, because
 * it is the 3rd of April in Europe and the 4th of March in the US.
 */
function parseDate(format: string | null | undefined, text: string, quoted: string): CustomValueResult {
  const parts = format ? byFormat(format, text) : unambiguous(text);
  if (!parts) {
    const hint = format ? `the format ${JSON.stringify(format)}` : 'yyyy-mm-dd (or a date with a month name)';
    return fail(`${quoted} is not a date in ${hint}`);
  }
  const [y, m, d] = parts;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return fail(`${quoted} is not a calendar date`);
  }
  return { ok: true, value: `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}` };
}

function unambiguous(text: string): [number, number, number] | null {
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4})$/i.exec(text);
  if (dayFirst) return withMonthName(dayFirst[3], dayFirst[2], dayFirst[1]);
  const monthFirst = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(text);
  if (monthFirst) return withMonthName(monthFirst[3], monthFirst[1], monthFirst[2]);
  return null;
}

function withMonthName(year: string | undefined, month: string | undefined, day: string | undefined): [number, number, number] | null {
  const name = (month ?? '').toLowerCase();
  const index = MONTHS.findIndex((full) => name === full || name === full.slice(0, 3) || (name === 'sept' && full === 'september'));
  return index < 0 ? null : [Number(year), index + 1, Number(day)];
}

/** Reads `text` with a pattern of `yyyy`, `mm`/`m`, `dd`/`d` and literal separators, e.g. `dd/mm/yyyy`. */
function byFormat(format: string, text: string): [number, number, number] | null {
  const groups: string[] = [];
  const source = format
    .toLowerCase()
    .split(/(yyyy|mm|dd|m|d)/)
    .map((token) => {
      const group = token === 'yyyy' ? 'y' : /^(m|d)\1?$/.test(token) ? token[0] : undefined;
      if (!group) return token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      groups.push(group);
      return group === 'y' ? '(\\d{4})' : '(\\d{1,2})';
    })
    .join('');
  if (!['y', 'm', 'd'].every((g) => groups.filter((x) => x === g).length === 1)) return null;
  const match = new RegExp(`^${source}$`).exec(text);
  if (!match) return null;
  const value = (g: string) => Number(match[groups.indexOf(g) + 1]);
  return [value('y'), value('m'), value('d')];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function fail(reason: string): CustomValueResult {
  return { ok: false, reason };
}
