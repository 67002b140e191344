import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { gapJitterMs } from '../../../src/main/quota/gap-jitter';
import type { PushedEvent } from '../../../src/main/event-bus';
import { quotaFixture, simulate } from './quota-fixture';

// Weeks of simulated attempts take seconds on a busy machine; the ceiling only stops a hung run, no test asserts on time.
vi.setConfig({ testTimeout: 120_000 });

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const MONDAY = Date.UTC(2026, 0, 5);

const firstUsePerDay = (uses: number[], zone: string): Map<string, string> => {
  const firsts = new Map<string, string>();
  for (const at of uses) {
    const local = DateTime.fromMillis(at, { zone });
    const day = local.toISODate() ?? '';
    if (!firsts.has(day)) firsts.set(day, `${local.toFormat('HH:mm')} ${DateTime.fromMillis(at, { zone: 'UTC' }).toFormat('HH:mm')}Z`);
  }
  return firsts;
};

describe('quota gate rules', () => {
  it('opens at 08:00 local on weekdays in two timezones across both DST changes of March 2026', () => {
    const start = Date.UTC(2026, 2, 2); // Monday 2 March; the US changes on 8 March, the EU on 29 March
    const f = quotaFixture(start);
    const paris = f.profile('gmail', { policy: { timezone: 'Europe/Paris' } });
    const newYork = f.profile('gmail', { policy: { timezone: 'America/New_York' } });
    for (const [id, zone] of [
      [paris, 'Europe/Paris'],
      [newYork, 'America/New_York'],
    ] as const) {
      const uses = simulate(f.gate, id, 'email', start, start + 33 * DAY, 5 * MIN);
      for (const at of uses) {
        const local = DateTime.fromMillis(at, { zone });
        expect(local.weekday, `${zone} ${local.toISO()}`).toBeLessThanOrEqual(5);
        expect(local.hour, `${zone} ${local.toISO()}`).toBeGreaterThanOrEqual(8);
        expect(local.hour, `${zone} ${local.toISO()}`).toBeLessThan(18);
      }
      const firsts = firstUsePerDay(uses, zone);
      expect(firsts.size).toBe(25);
      for (const first of firsts.values()) expect(first.startsWith('08:00')).toBe(true);
    }
    const uses = (id: number) => f.store.sqlite.prepare<[number], number>('SELECT used_at FROM quota_uses WHERE profile_id = ? ORDER BY used_at').pluck().all(id);
    expect(firstUsePerDay(uses(paris), 'Europe/Paris').get('2026-03-27')).toBe('08:00 07:00Z');
    expect(firstUsePerDay(uses(paris), 'Europe/Paris').get('2026-03-30')).toBe('08:00 06:00Z');
    expect(firstUsePerDay(uses(newYork), 'America/New_York').get('2026-03-06')).toBe('08:00 13:00Z');
    expect(firstUsePerDay(uses(newYork), 'America/New_York').get('2026-03-09')).toBe('08:00 12:00Z');
  });

  it('reads the schedule in the settings timezone when the profile has none, and in the recipient timezone when given', () => {
    const f = quotaFixture(MONDAY);
    f.setting('timezone', 'Asia/Tokyo');
    const id = f.profile('gmail');
    const sunday = Date.UTC(2026, 0, 4, 12);
    expect(f.gate.check(id, 'email', sunday)).toEqual({ allowedAt: Date.UTC(2026, 0, 4, 23), reason: 'window' });
    expect(f.gate.check(id, 'email', sunday, null, 'America/Los_Angeles')).toEqual({ allowedAt: Date.UTC(2026, 0, 5, 16), reason: 'window' });
    expect(f.gate.check(id, 'email', sunday, null, 'Not/AZone').allowedAt).toBe(Date.UTC(2026, 0, 4, 23));
    expect(f.gate.usage(sunday, id)[0]?.schedule).toBe('Mon-Fri 08:00-18:00 (Asia/Tokyo)');
  });

  it('keeps a minimum gap plus a jitter that is stable for a use and varies between uses', () => {
    const f = quotaFixture(MONDAY);
    const id = f.profile('gmail', { policy: { schedule: null, rampUp: null }, quotas: { email: { max: 500 } } });
    const uses = simulate(f.gate, id, 'email', MONDAY, MONDAY + 4 * HOUR, 1000);
    const gaps = uses.slice(1).map((at, i) => at - (uses[i] as number));
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(120_000);
      expect(gap).toBeLessThanOrEqual(301_000);
    }
    expect(new Set(gaps).size).toBeGreaterThan(gaps.length / 2);
    const last = uses.at(-1) as number;
    const expected = last + 120_000 + gapJitterMs(id, 'email', last, 180);
    for (const asked of [last + 1, last + 60_000, last + 119_000]) expect(f.gate.check(id, 'email', asked)).toEqual({ allowedAt: expected, reason: 'gap' });
  });

  it('reaches the daily failed and aborted caps counting only today in the profile timezone', () => {
    const f = quotaFixture(MONDAY);
    const id = f.profile('gmail', { policy: { timezone: 'America/New_York' } });
    const relaxed = f.profile('gmail', { policy: { dailyFailedCap: null, dailyAbortedCap: null } });
    const now = Date.UTC(2026, 0, 6, 15); // 10:00 in New York
    const insert = f.store.sqlite.prepare(
      "INSERT INTO inbox_checks (profile_id, status, due_at, created_at, updated_at, finished_at) VALUES (?, ?, ?, ?, ?, ?)",
    );
    const fail = (profileId: number, status: string, at: number, n: number) => {
      for (let i = 0; i < n; i++) insert.run(profileId, status, at, at, at, at);
    };
    fail(id, 'failed', Date.UTC(2026, 0, 6, 4), 5); // 23:00 the day before in New York
    fail(id, 'failed', Date.UTC(2026, 0, 6, 6), 9); // 01:00 today in New York
    expect(f.gate.failureCapReached(id, now)).toBe(false);
    fail(id, 'failed', Date.UTC(2026, 0, 6, 14), 1);
    expect(f.gate.failureCapReached(id, now)).toBe(true);
    expect(f.gate.failureCapReached(id, Date.UTC(2026, 0, 7, 15))).toBe(false);
    fail(id, 'aborted', Date.UTC(2026, 0, 7, 14), 19);
    expect(f.gate.failureCapReached(id, Date.UTC(2026, 0, 7, 15))).toBe(false);
    fail(id, 'aborted', Date.UTC(2026, 0, 7, 14), 1);
    expect(f.gate.failureCapReached(id, Date.UTC(2026, 0, 7, 15))).toBe(true);
    const usage = f.gate.usage(Date.UTC(2026, 0, 7, 15), id)[0];
    expect([usage?.failed, usage?.aborted]).toEqual([
      { today: 0, cap: 10 },
      { today: 20, cap: 20 },
    ]);
    fail(relaxed, 'failed', now, 50);
    expect(f.gate.failureCapReached(relaxed, now)).toBe(false);
  });

  it('applies profile overrides and ignores values above the hard ceilings', () => {
    const f = quotaFixture(MONDAY);
    const small = f.profile('gmail', { quotas: { email: { max: 5 } }, policy: { schedule: null, rampUp: null } });
    expect(simulate(f.gate, small, 'email', MONDAY, MONDAY + DAY, MIN)).toHaveLength(5);
    const greedy = f.profile('linkedin', { quotas: { linkedin_connect: { max: 100, windowSeconds: 86_400 } }, policy: { schedule: null, rampUp: null } });
    const connect = f.gate.usage(MONDAY, greedy)[0]?.actions.find((a) => a.action === 'linkedin_connect');
    expect([connect?.configuredMax, connect?.windowSeconds]).toEqual([100, 604_800]);
  });

  it('picks up a changed profile policy on the next check', () => {
    const f = quotaFixture(MONDAY);
    const id = f.profile('gmail', { policy: { schedule: null, rampUp: null }, quotas: { email: { minGapSeconds: 0, jitterSeconds: 0 } } });
    expect(f.gate.check(id, 'email', MONDAY).reason).toBeNull();
    f.store.sqlite.prepare('UPDATE profiles SET policy = ?, updated_at = ? WHERE id = ?').run(JSON.stringify({ schedule: { days: [7], startHour: 8, endHour: 9 } }), MONDAY + 1, id);
    expect(f.gate.check(id, 'email', MONDAY)).toEqual({ allowedAt: Date.UTC(2026, 0, 11, 8), reason: 'window' });
  });

  it('plans the same next slots as repeated check and record', () => {
    const f = quotaFixture(MONDAY);
    const compare = (domain: string | null): Set<string | null> => {
      const id = f.profile('gmail', { createdAt: MONDAY - 3 * DAY, policy: { timezone: 'Europe/Paris', perDomainDailyCap: 4 } });
      for (let i = 0; i < 6; i++) f.gate.record(id, 'email', MONDAY - DAY + 9 * HOUR + i * 10 * MIN, { kind: 'outreach', id: i + 1 }, 'acme.com');
      const slots = f.gate.planSlots(id, 'email', MONDAY, 150, { domain });
      const checked: { at: number; reason: string | null }[] = [];
      let t = MONDAY;
      for (let i = 0; i < 150; i++) {
        const verdict = f.gate.check(id, 'email', t, domain);
        f.gate.record(id, 'email', verdict.allowedAt, { kind: 'outreach', id: 100 + i }, domain);
        checked.push({ at: verdict.allowedAt, reason: verdict.reason });
        t = verdict.allowedAt;
      }
      expect(slots).toEqual(checked);
      return new Set(slots.map((s) => s.reason));
    };
    expect(compare('acme.com')).toEqual(new Set(['window', 'domain_cap', 'gap']));
    expect(compare(null)).toEqual(new Set(['window', 'ramp_up', 'gap']));
  });

  it('publishes quotas.changed at most once per second with the profiles whose uses were recorded', () => {
    const f = quotaFixture(MONDAY);
    const a = f.profile('gmail');
    const b = f.profile('gmail');
    const seen: PushedEvent[] = [];
    f.bus.subscribe((e) => seen.push(e));
    for (let i = 0; i < 20; i++) f.gate.record(i % 2 ? a : b, 'email', MONDAY, { kind: 'outreach', id: i + 1 });
    expect(seen).toHaveLength(0);
    f.clock.advance(1000);
    expect(seen).toEqual([{ name: 'quotas.changed', payload: { profileIds: [a, b] } }]);
    f.clock.advance(5000);
    expect(seen).toHaveLength(1);
  });
});
