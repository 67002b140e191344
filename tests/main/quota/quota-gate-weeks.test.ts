import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { rampedMax } from '../../../src/main/quota/ramp-up';
import { maxInWindow, quotaFixture, simulate } from './quota-fixture';

// Weeks of simulated attempts take seconds on a busy machine; the ceiling only stops a hung run, no test asserts on time.
vi.setConfig({ testTimeout: 120_000 });

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const MONDAY = Date.UTC(2026, 0, 5);

describe('quota gate over simulated weeks', () => {
  it('never exceeds 40 emails per rolling day over 3 weeks of attempts every minute, inside Mon-Fri 08-18 with 2+ minute gaps', () => {
    const f = quotaFixture(MONDAY);
    const id = f.profile('gmail');
    const uses = simulate(f.gate, id, 'email', MONDAY, MONDAY + 21 * DAY, MIN);
    expect(maxInWindow(uses, DAY)).toBe(40);
    expect(uses).toHaveLength(15 * 40);
    for (const at of uses) {
      const local = DateTime.fromMillis(at, { zone: 'UTC' });
      expect(local.weekday).toBeLessThanOrEqual(5);
      expect(local.hour).toBeGreaterThanOrEqual(8);
      expect(local.hour).toBeLessThan(18);
    }
    for (let i = 1; i < uses.length; i++) expect((uses[i] as number) - (uses[i - 1] as number)).toBeGreaterThanOrEqual(2 * MIN);
  });

  it('ramps a new profile up day by day: 25% of 40 on day 0 growing to 40 after 14 days', () => {
    const f = quotaFixture(MONDAY);
    const id = f.profile('gmail', { createdAt: MONDAY, policy: { schedule: null } });
    const uses = simulate(f.gate, id, 'email', MONDAY, MONDAY + 16 * DAY, MIN);
    const perDay = Array.from({ length: 16 }, (_, d) => uses.filter((u) => u >= MONDAY + d * DAY && u < MONDAY + (d + 1) * DAY).length);
    const expected = Array.from({ length: 16 }, (_, d) => rampedMax(40, { days: 14, startPercent: 25 }, MONDAY, MONDAY + d * DAY));
    expect(expected[0]).toBe(10);
    expect(expected[14]).toBe(40);
    expect(perDay).toEqual(expected);
    for (const at of uses) expect(uses.filter((u) => u > at - DAY && u <= at).length).toBeLessThanOrEqual(rampedMax(40, { days: 14, startPercent: 25 }, MONDAY, at));
    const tenth = uses[9] as number;
    expect(f.gate.check(id, 'email', tenth + 10 * MIN).reason).toBe('ramp_up');
  });

  it('keeps the per-domain cap (10 per rolling day by default for email) while other domains still go', () => {
    const f = quotaFixture(MONDAY);
    const id = f.profile('smtp_imap', { policy: { schedule: null }, quotas: { email: { max: 200, minGapSeconds: 0, jitterSeconds: 0 } } });
    const uses = simulate(f.gate, id, 'email', MONDAY, MONDAY + 3 * DAY, MIN, (i) => (i % 2 === 0 ? `lead${i}@Acme.com` : `lead${i}@d${i}.com`));
    expect(maxInWindow(uses, DAY)).toBe(200);
    const acme = f.store.sqlite
      .prepare<[number], number>("SELECT used_at FROM quota_uses WHERE profile_id = ? AND recipient_domain = 'acme.com' ORDER BY used_at")
      .pluck()
      .all(id);
    expect(maxInWindow(acme, DAY)).toBe(10);
    expect(acme.length).toBeGreaterThanOrEqual(30);
  });

  it('says domain_cap, and when, for the 11th email to one domain within 24 hours', () => {
    const f = quotaFixture(MONDAY);
    const id = f.profile('smtp_imap', { policy: { schedule: null }, quotas: { email: { max: 200, minGapSeconds: 0, jitterSeconds: 0 } } });
    for (let i = 0; i < 10; i++) f.gate.record(id, 'email', MONDAY + i * MIN, { kind: 'outreach', id: i + 1 }, `lead${i}@acme.com`);
    const at = MONDAY + 10 * MIN;
    expect(f.gate.check(id, 'email', at, 'someone@ACME.com')).toEqual({ allowedAt: MONDAY + DAY, reason: 'domain_cap' });
    expect(f.gate.check(id, 'email', at, 'someone@elsewhere.net')).toEqual({ allowedAt: at, reason: null });
  });

  it('honours a profile override of the per-domain cap', () => {
    const f = quotaFixture(MONDAY);
    const id = f.profile('gmail', { policy: { schedule: null, rampUp: null, perDomainDailyCap: 3 }, quotas: { email: { minGapSeconds: 0, jitterSeconds: 0 } } });
    const uses = simulate(f.gate, id, 'email', MONDAY, MONDAY + 2 * DAY, MIN, () => 'x@acme.com');
    expect(maxInWindow(uses, DAY)).toBe(3);
    expect(uses).toHaveLength(6);
  });
});
