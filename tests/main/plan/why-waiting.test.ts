import { describe, expect, it } from 'vitest';
import { WhyWaiting } from '../../../src/main/plan/why-waiting';
import type { WaitingItem } from '../../../src/shared/contract/schemas/outbox';
import { ManualClock } from '../../helpers/manual-clock';
import { planFixture, type PlanFixture } from './plan-fixture';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function setup(clock = new ManualClock()) {
  const f = planFixture(clock);
  const why = new WhyWaiting(f.sqlite, f.quotas, f.connectivity);
  const explain = (kind: string, id: number): WaitingItem => {
    const item = why.page({ limit: 500 }, clock.now()).items.find((i) => i.kind === kind && i.id === id);
    if (!item) throw new Error(`${kind} ${id} is not in the outbox`);
    return item;
  };
  return { f, clock, why, explain };
}

/** Records `n` email uses by the profile, `spacing` apart, ending `agoMs` before now. */
function used(f: PlanFixture, profileId: number, n: number, o: { agoMs?: number; spacing?: number; domain?: string } = {}) {
  const last = f.clock.now() - (o.agoMs ?? HOUR);
  for (let i = 0; i < n; i++) f.quotas.record(profileId, 'email', last - (n - 1 - i) * (o.spacing ?? 3 * MIN), { kind: 'outreach', id: 1_000_000 + i }, o.domain ?? null);
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('why waiting', () => {
  it('not approved, not assigned (naming the profile types needed), unknown outcome', () => {
    const { f, explain } = setup();
    const unapproved = f.outreach(f.lead(), { approval: 'pending' });
    const unassigned = f.outreach(f.lead());
    const gmail = f.profile('gmail');
    const unknown = f.outreach(f.lead(), { profileId: gmail, status: 'unknown' });
    expect(explain('outreach', unapproved)).toMatchObject({ reason: 'not_approved', expectedAt: null });
    expect(explain('outreach', unassigned)).toMatchObject({ reason: 'not_assigned', expectedAt: null });
    expect(explain('outreach', unassigned).detail).toContain('smtp_imap');
    expect(explain('outreach', unknown)).toMatchObject({ reason: 'unknown_outcome', expectedAt: null });
    const enrichment = f.enrichment(f.lead(), { type: 'find_email' });
    expect(explain('enrichment', enrichment)).toMatchObject({ reason: 'not_assigned', detail: 'no eligible profile; needs one of: http_api' });
  });

  it('profile paused (with its reason) or stopped, and offline', async () => {
    const { f, explain } = setup();
    const paused = f.profile('gmail', { state: 'paused', pauseReason: 'captcha' });
    const stopped = f.profile('gmail', { active: false });
    const failed = f.profile('gmail', { state: 'failed' });
    const live = f.profile('gmail');
    const a = f.outreach(f.lead(), { profileId: paused });
    const b = f.outreach(f.lead(), { profileId: stopped });
    const c = f.outreach(f.lead(), { profileId: failed });
    const d = f.outreach(f.lead(), { profileId: live });
    expect(explain('outreach', a)).toMatchObject({ reason: 'profile_paused', detail: 'captcha' });
    expect(explain('outreach', b)).toMatchObject({ reason: 'profile_stopped', detail: 'start it on the Profiles screen' });
    expect(explain('outreach', c)).toMatchObject({ reason: 'profile_stopped', detail: 'failed' });
    expect(explain('outreach', d)).toMatchObject({ reason: 'due' });
    f.probe.ok = false;
    await f.connectivity.probeNow();
    expect(explain('outreach', d)).toMatchObject({ reason: 'offline', expectedAt: null });
  });

  it('quota: the rolling window is full until the oldest use leaves it', () => {
    const { f, clock, explain } = setup(new ManualClock(Date.UTC(2026, 10, 23, 15, 0)));
    const gmail = f.profile('gmail');
    used(f, gmail, 40, { agoMs: 10 * MIN });
    const item = f.outreach(f.lead(), { profileId: gmail });
    const oldest = clock.now() - 10 * MIN - 39 * 3 * MIN;
    expect(explain('outreach', item)).toMatchObject({ reason: 'quota', expectedAt: iso(oldest + DAY) });
  });

  it('window: outside the sending hours it waits for the next open hour', () => {
    const { f, explain } = setup(new ManualClock(Date.UTC(2026, 10, 28, 12, 0))); // a Saturday
    const gmail = f.profile('gmail');
    const item = f.outreach(f.lead(), { profileId: gmail });
    expect(explain('outreach', item)).toMatchObject({ reason: 'window', expectedAt: iso(Date.UTC(2026, 10, 30, 8, 0)) });
  });

  it('gap: right after a send it waits at least the minimum gap; the items behind it wait their turn', () => {
    const { f, clock, explain } = setup();
    const gmail = f.profile('gmail');
    used(f, gmail, 1, { agoMs: 30_000 });
    const first = f.outreach(f.lead(), { profileId: gmail });
    const second = f.outreach(f.lead(), { profileId: gmail });
    const head = explain('outreach', first);
    expect(head.reason).toBe('gap');
    expect(Date.parse(head.expectedAt ?? '')).toBeGreaterThanOrEqual(clock.now() - 30_000 + 120_000);
    const next = explain('outreach', second);
    expect(next).toMatchObject({ reason: 'gap', detail: `1 ahead on ${head.profileName}` });
    expect(Date.parse(next.expectedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(head.expectedAt ?? '') + 120_000);
  });

  it('ramp-up: a new profile is held to a share of its maximum', () => {
    const { f, clock, explain } = setup();
    const fresh = f.profile('gmail', { createdAt: clock.now() - HOUR });
    used(f, fresh, 10, { agoMs: 5 * MIN });
    const item = f.outreach(f.lead(), { profileId: fresh });
    expect(explain('outreach', item).reason).toBe('ramp_up');
  });

  it('domain cap: too many emails to one recipient domain today', () => {
    const { f, explain } = setup();
    const gmail = f.profile('gmail');
    used(f, gmail, 10, { agoMs: 5 * MIN, domain: 'acme.test' });
    const capped = f.outreach(f.lead(), { profileId: gmail, address: 'ceo@acme.test' });
    expect(explain('outreach', capped).reason).toBe('domain_cap');
  });

  it('retry backoff after a failed attempt, and scheduled for an item due later for its own reason', () => {
    const { f, clock, explain } = setup();
    const gmail = f.profile('gmail');
    const retry = f.outreach(f.lead(), { profileId: gmail, attempts: 1, dueAt: clock.now() + 10 * MIN });
    const later = f.outreach(f.lead(), { profileId: gmail, dueAt: clock.now() + 2 * DAY, createdAt: clock.now() - DAY });
    expect(explain('outreach', retry)).toMatchObject({ reason: 'retry_backoff', expectedAt: iso(clock.now() + 10 * MIN) });
    expect(explain('outreach', later)).toMatchObject({ reason: 'scheduled', expectedAt: iso(clock.now() + 2 * DAY) });
  });

  it('pages by due time with a cursor, filters by reason, kind and profile', () => {
    const { f, clock, why } = setup();
    const gmail = f.profile('gmail');
    const ids = Array.from({ length: 25 }, (_, i) => f.outreach(f.lead(), { profileId: gmail, dueAt: clock.now() + i * MIN }));
    const pending = Array.from({ length: 5 }, () => f.outreach(f.lead(), { approval: 'pending' }));
    const seen: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = why.page({ limit: 10, kind: 'outreach', after }, clock.now());
      seen.push(...page.items.map((i) => i.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen.sort((a, b) => a - b)).toEqual([...ids, ...pending].sort((a, b) => a - b));
    expect(why.page({ limit: 100, reason: 'not_approved' }, clock.now()).items.map((i) => i.id)).toEqual(pending);
    expect(why.page({ limit: 100, profileId: gmail }, clock.now()).items).toHaveLength(25);
    expect(why.page({ limit: 100, kind: 'job' }, clock.now()).items).toEqual([]);
    expect(() => why.page({ limit: 10, after: 'nonsense' }, clock.now())).toThrow(/after/);
  });
});
