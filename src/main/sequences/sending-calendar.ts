import type { Database, Statement } from 'better-sqlite3';
import { DateTime } from 'luxon';
import { defaultSettings, settings as settingsSchema, type Settings } from '../../shared/contract/schemas/settings';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The operator's sending days: weekdays (luxon numbering, 1 = Monday), holidays (YYYY-MM-DD) and the timezone they are read in. */
export interface SendingCalendar {
  readonly zone: string;
  readonly weekdays: ReadonlySet<number>;
  readonly holidays: ReadonlySet<string>;
}

const reads = new WeakMap<Database, Statement<[], { key: string; value: string }>>();

/** Reads the calendar from the operator settings synchronously (a value that no longer validates falls back to its default). */
export function readSendingCalendar(sqlite: Database): SendingCalendar {
  let read = reads.get(sqlite);
  if (!read) {
    read = sqlite.prepare("SELECT key, value FROM settings WHERE key IN ('timezone', 'sendingDays', 'holidays')");
    reads.set(sqlite, read);
  }
  const rows = read.all();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const pick = <K extends 'timezone' | 'sendingDays' | 'holidays'>(key: K): Settings[K] => {
    const parsed = settingsSchema.shape[key].safeParse(stored[key]);
    return parsed.success ? (parsed.data as Settings[K]) : defaultSettings[key];
  };
  const days = pick('sendingDays');
  return { zone: pick('timezone'), weekdays: new Set(days.map((d) => WEEKDAYS.indexOf(d) + 1)), holidays: new Set(pick('holidays')) };
}

/** Whether a local day is a sending day: one of the sending weekdays and not a holiday. */
export function isSendingDay(calendar: SendingCalendar, day: DateTime): boolean {
  return calendar.weekdays.has(day.weekday) && !calendar.holidays.has(day.toISODate() ?? '');
}

/**
 * `from` moved forward by `days` sending days at the same local time of day: weekends and holidays are not counted.
 * Zero days is `from` itself. Without any sending weekday, calendar days are counted.
 */
export function addSendingDays(calendar: SendingCalendar, from: number, days: number): number {
  if (days <= 0) return from;
  let day = DateTime.fromMillis(from, { zone: calendar.zone });
  if (calendar.weekdays.size === 0) return day.plus({ days }).toMillis();
  let counted = 0;
  // A year of holidays cannot hold more than 366 days back; the cap only guards a calendar with every day a holiday.
  for (let guard = 0; counted < days && guard < days * 7 + 400; guard++) {
    day = day.plus({ days: 1 });
    if (isSendingDay(calendar, day)) counted += 1;
  }
  return day.toMillis();
}

/** When the local day holding `t` began, in the calendar's timezone. */
export const startOfLocalDay = (calendar: SendingCalendar, t: number): number => DateTime.fromMillis(t, { zone: calendar.zone }).startOf('day').toMillis();
