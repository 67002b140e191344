import { DateTime } from 'luxon';
import type { SendingSchedule } from '../../shared/contract/schemas/quota-policy';

/** One open interval of a schedule: [start, end) in epoch ms. */
export interface OpenInterval {
  readonly start: number;
  readonly end: number;
}

const hourOf = (day: DateTime, hour: number): number =>
  // hour 24 is the next midnight; a start hour skipped by a DST change moves forward with the clocks (luxon's rule)
  hour === 24 ? day.plus({ days: 1 }).startOf('day').toMillis() : day.set({ hour }).toMillis();

/** The first open interval of the schedule that ends after `t`, computed in the timezone `zone` (DST-correct). */
export function nextOpenInterval(schedule: SendingSchedule, zone: string, t: number): OpenInterval {
  let day = DateTime.fromMillis(t, { zone }).startOf('day');
  for (let i = 0; i < 8; i++) {
    if (schedule.days.includes(day.weekday)) {
      const end = hourOf(day, schedule.endHour);
      if (t < end) return { start: hourOf(day, schedule.startHour), end };
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  throw new Error(`schedule without any open day: ${JSON.stringify(schedule)}`);
}

/** A schedule in one timezone that remembers its last answer, so asking again inside the same interval costs no date arithmetic. */
export class ScheduleClock {
  private askedFrom = Number.POSITIVE_INFINITY;
  private interval: OpenInterval = { start: 0, end: Number.NEGATIVE_INFINITY };

  constructor(
    private readonly schedule: SendingSchedule,
    readonly zone: string,
  ) {}

  /** The earliest time not before `t` inside the schedule. */
  openAt(t: number): number {
    if (t < this.askedFrom || t >= this.interval.end) {
      this.interval = nextOpenInterval(this.schedule, this.zone, t);
      this.askedFrom = t;
    }
    return Math.max(t, this.interval.start);
  }
}

const dayNames = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hh = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/** The schedule in words, e.g. "Mon-Fri 08:00-18:00 (Europe/Paris)". */
export function describeSchedule(schedule: SendingSchedule | null, zone: string): string {
  if (!schedule) return `any time (${zone})`;
  const days = [...new Set(schedule.days)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const words = runs.map((run) =>
    run.length >= 3 ? `${dayNames[run[0] ?? 0]}-${dayNames[run.at(-1) ?? 0]}` : run.map((d) => dayNames[d]).join(','),
  );
  return `${words.join(',')} ${hh(schedule.startHour)}-${hh(schedule.endHour)} (${zone})`;
}
