import { z } from 'zod';
import { updateChannel } from './updates';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM (24-hour)');

/** The operator's preferences; every field has a default so a fresh install works. */
export const settings = z.object({
  operatorName: z.string().trim().min(1).max(100),
  timezone: z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/Paris'),
  sendingDays: z.array(z.enum(weekdays)).min(1).max(7),
  sendingHours: z.strictObject({ start: clockTime, end: clockTime }).refine((h) => h.start < h.end, 'start must be before end'),
  theme: z.enum(['system', 'light', 'dark']),
  postalAddress: z.string().max(500),
  /** Desktop: which releases the updater follows. */
  updateChannel,
  /** Days (YYYY-MM-DD) that sequence delays do not count as sending days. */
  holidays: z.array(z.iso.date()).max(366),
});

/** Operator settings. */
export type Settings = z.infer<typeof settings>;

/** A partial update: only the fields given change; unknown fields are refused. */
export const settingsPatch = settings.partial().strict();

/** Values used until the operator changes them. */
export const defaultSettings: Settings = {
  operatorName: 'Operator',
  timezone: 'UTC',
  sendingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  sendingHours: { start: '09:00', end: '17:00' },
  theme: 'system',
  postalAddress: '',
  updateChannel: 'stable',
  holidays: [],
};
