import { describe, expect, it } from 'vitest';
import { ScheduleClock, describeSchedule, nextOpenInterval } from '../../../src/main/quota/sending-schedule';

const weekdays = { days: [1, 2, 3, 4, 5], startHour: 8, endHour: 18 };
const iso = (ms: number) => new Date(ms).toISOString();

describe('sending schedule', () => {
  it('finds the next open interval in the timezone, over weekends and DST changes', () => {
    const friday = Date.parse('2026-03-27T17:30:00Z'); // 18:30 in Paris: closed
    const next = nextOpenInterval(weekdays, 'Europe/Paris', friday);
    expect([iso(next.start), iso(next.end)]).toEqual(['2026-03-30T06:00:00.000Z', '2026-03-30T16:00:00.000Z']);
    const before = nextOpenInterval(weekdays, 'Europe/Paris', Date.parse('2026-03-27T05:00:00Z'));
    expect(iso(before.start)).toBe('2026-03-27T07:00:00.000Z');
    const fallBack = nextOpenInterval(weekdays, 'America/New_York', Date.parse('2026-10-31T12:00:00Z'));
    expect(iso(fallBack.start)).toBe('2026-11-02T13:00:00.000Z');
  });

  it('moves a start hour skipped by the spring change forward, and ends a 0-24 day at the next midnight', () => {
    const sunday = { days: [7], startHour: 2, endHour: 24 };
    const open = nextOpenInterval(sunday, 'Europe/Paris', Date.parse('2026-03-28T12:00:00Z'));
    expect([iso(open.start), iso(open.end)]).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });

  it('answers from its last interval until the time leaves it', () => {
    const clock = new ScheduleClock(weekdays, 'UTC');
    const monday = Date.parse('2026-01-05T00:00:00Z');
    expect(iso(clock.openAt(monday))).toBe('2026-01-05T08:00:00.000Z');
    expect(iso(clock.openAt(monday + 9 * 3_600_000))).toBe('2026-01-05T09:00:00.000Z');
    expect(iso(clock.openAt(monday + 19 * 3_600_000))).toBe('2026-01-06T08:00:00.000Z');
    expect(iso(clock.openAt(monday - 3_600_000))).toBe('2026-01-05T08:00:00.000Z');
  });

  it('says the schedule in words', () => {
    expect(describeSchedule(weekdays, 'Europe/Paris')).toBe('Mon-Fri 08:00-18:00 (Europe/Paris)');
    expect(describeSchedule({ days: [1, 3, 6, 7], startHour: 9, endHour: 24 }, 'UTC')).toBe('Mon,Wed,Sat,Sun 09:00-24:00 (UTC)');
    expect(describeSchedule(null, 'UTC')).toBe('any time (UTC)');
  });
});
