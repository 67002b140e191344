import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../helpers/manual-clock';
import { planFixture } from './plan-fixture';
import { DAY, MIN, inMailboxHours, mostInSpan, sendSimulation, smallestGap } from './send-simulation';

const HOUR = 60 * MIN;
const GAP = 120_000;

function setup(emails: number) {
  const clock = new ManualClock();
  const f = planFixture(clock);
  const profile = f.profile('gmail');
  const items = Array.from({ length: emails }, () => f.outreach(f.lead()));
  f.connectivity.start();
  const sim = sendSimulation(f, clock);
  const statuses = () => f.sqlite.prepare('SELECT status, COUNT(*) AS n FROM outreach GROUP BY status ORDER BY status').all();
  return { clock, f, profile, items, sim, statuses };
}

/** What must hold of a profile's sends whatever happened: gaps, the daily maximum, the sending hours. */
function expectWithinQuota(times: readonly number[]) {
  expect(smallestGap(times)).toBeGreaterThanOrEqual(GAP);
  expect(mostInSpan(times, DAY)).toBeLessThanOrEqual(40);
  expect(times.filter((t) => !inMailboxHours(t))).toEqual([]);
}

describe('plan loop: spreading, offline and sleep', () => {
  it('spreads a backlog over the sending windows at the quota gap and the daily maximum', async () => {
    const { clock, f, profile, sim } = setup(100);
    await sim.settle();
    const planned = f.dueTimes(profile);
    expect(planned).toHaveLength(100);
    expect(planned[0]).toBe(clock.now());
    expectWithinQuota(planned);
    // 40 a day: Monday, Tuesday and part of Wednesday
    expect(new Date(planned.at(-1) ?? 0).getUTCDay()).toBe(3);
  });

  it('offline for hours then back: nothing sent or failed meanwhile, the missed sends re-planned into the next windows, no burst, no loss', async () => {
    const { clock, f, profile, sim, statuses } = setup(100);
    await sim.run(60 * MIN);
    const before = sim.sendTimes(profile).length;
    expect(before).toBeGreaterThan(10);

    f.probe.ok = false;
    f.connectivity.reportNetworkFailure(profile);
    await sim.settle();
    expect(f.connectivity.isOnline()).toBe(false);
    const wentOffline = clock.now();
    await sim.run(5 * HOUR);
    expect(sim.sendTimes(profile)).toHaveLength(before);
    expect(statuses()).toEqual([
      { status: 'pending', n: 100 - before },
      { status: 'performed', n: before },
    ]);
    // the planned times of the missed items are in the past while offline
    expect(f.dueTimes(profile)[0]).toBeLessThan(clock.now() - HOUR);

    f.probe.ok = true;
    await sim.run(20 * MIN);
    expect(f.connectivity.isOnline()).toBe(true);
    const back = f.connectivity.view();
    expect(back.catchUp?.cause).toBe('reconnect');
    expect(back.catchUp?.items).toBeGreaterThan(0);
    const replanned = f.dueTimes(profile);
    expect(replanned.every((t) => t >= Date.parse(back.since) - MIN)).toBe(true);
    expectWithinQuota(replanned);

    await sim.run(4 * DAY);
    const times = sim.sendTimes(profile);
    expect(statuses()).toEqual([{ status: 'performed', n: 100 }]);
    expectWithinQuota(times);
    expect(times.filter((t) => t > wentOffline && t < Date.parse(back.since))).toEqual([]);
  }, 120_000);

  it('asleep overnight (a clock jump): on wake the missed sends are re-planned from the wake time, no burst, no loss', async () => {
    const { clock, f, profile, sim, statuses } = setup(100);
    await sim.run(7 * HOUR); // Monday 09:00 to 16:00
    const before = sim.sendTimes(profile).length;
    clock.sleep(18 * HOUR); // to Tuesday 10:00; nothing ran meanwhile
    await sim.settle();
    const view = f.connectivity.view();
    expect(view.wokeAt).toBe(new Date(clock.now()).toISOString());
    expect(view.catchUp?.cause).toBe('wake');
    expect(view.catchUp?.items).toBeGreaterThan(0);
    expect(f.dueTimes(profile)[0]).toBeGreaterThanOrEqual(clock.now());
    expectWithinQuota(f.dueTimes(profile));
    expect(sim.sendTimes(profile)).toHaveLength(before);

    await sim.run(4 * DAY);
    expect(statuses()).toEqual([{ status: 'performed', n: 100 }]);
    expectWithinQuota(sim.sendTimes(profile));
  }, 120_000);
});
