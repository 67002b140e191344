import { entriesOf } from '../../lib/entries';
import type { Settings } from '../../../shared/contract/schemas/settings';

/** The fields of the settings form, in form order (also the names `ClientError.issues` use). */
export const settingsFields = ['operatorName', 'timezone', 'sendingDays', 'sendingHours', 'theme', 'postalAddress', 'updateChannel'] as const satisfies readonly (keyof Settings)[];

/** A day the operator may send on. */
export type Weekday = Settings['sendingDays'][number];

/** Weekday labels in calendar order; the order is also the order saved. */
export const weekdayLabels: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const weekdays = entriesOf(weekdayLabels).map(([day]) => day);

/** The sending days with `day` switched on or off, in calendar order. */
export const toggleDay = (days: readonly Weekday[], day: Weekday, on: boolean): Weekday[] =>
  weekdays.filter((d) => (d === day ? on : days.includes(d)));

/** Only the fields the operator changed, so saving never overwrites what another window changed meanwhile. */
export function changedSettings(saved: Settings, draft: Settings): Partial<Settings> {
  const patch: Partial<Settings> = {};
  for (const field of settingsFields) {
    if (JSON.stringify(saved[field]) !== JSON.stringify(draft[field])) Object.assign(patch, { [field]: draft[field] });
  }
  return patch;
}
