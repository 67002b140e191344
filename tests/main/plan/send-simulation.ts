import type { Loop } from '../../../src/main/loops/loop';
import { createPlanLoop } from '../../../src/main/loops/plan-loop';
import type { ManualClock } from '../../helpers/manual-clock';
import type { PlanFixture } from './plan-fixture';

const MIN = 60_000;
const DAY = 86_400_000;
// a multiple of the quota gap's minutes, so sending on this grid keeps the planned gaps
const STEP = 2 * MIN;

/**
 * A stand-in for the work engine that sends every approved email exactly when the plan says (it does not ask the quota
 * gate, so a plan that bursts would show as a burst), records the use, and does nothing while offline.
 */
export function sendSimulation(f: PlanFixture, clock: ManualClock) {
  const loop: Loop = createPlanLoop({ sqlite: f.sqlite, quotas: f.quotas, connectivity: f.connectivity, clock }, f.logger, { intervalMs: 10 * MIN });
  const due = f.sqlite.prepare<[number], { id: number; profile_id: number }>(
    "SELECT id, profile_id FROM outreach WHERE status = 'pending' AND profile_id IS NOT NULL AND due_at <= ? ORDER BY due_at, id",
  );
  const sent = f.sqlite.prepare("UPDATE outreach SET status = 'performed', finished_at = ?, occurred_at = ?, updated_at = ? WHERE id = ?");

  const sendDue = () => {
    if (!f.connectivity.isOnline()) return;
    const now = clock.now();
    f.sqlite.transaction(() => {
      for (const item of due.all(now)) {
        f.quotas.record(item.profile_id, 'email', now, { kind: 'outreach', id: item.id }, null);
        sent.run(now, now, now, item.id);
      }
    })();
  };
  /** Lets the loop's pass, the probe and the catch-up finish. */
  const settle = async () => {
    for (let i = 0; i < 2; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      await loop.runOnce();
    }
  };

  return {
    loop,
    settle,
    /** Runs in two-minute steps for `ms`: timers fire, the plan loop runs every ten minutes, due emails go out. */
    async run(ms: number) {
      for (let t = 0; t < ms; t += STEP) {
        if (t % (10 * MIN) === 0) await settle();
        sendDue();
        clock.advance(STEP);
      }
      await settle();
    },
    /** The send times of one profile, in order. */
    sendTimes(profileId: number): number[] {
      return f.sqlite.prepare("SELECT finished_at FROM outreach WHERE profile_id = ? AND status = 'performed' ORDER BY finished_at").pluck().all(profileId) as number[];
    },
  };
}

/** The largest number of times inside any span of `spanMs` (times sorted). */
export function mostInSpan(times: readonly number[], spanMs: number): number {
  let most = 0;
  let start = 0;
  times.forEach((t, end) => {
    while (t - (times[start] ?? t) >= spanMs) start += 1;
    most = Math.max(most, end - start + 1);
  });
  return most;
}

/** The smallest difference between consecutive times (Infinity for fewer than two). */
export function smallestGap(times: readonly number[]): number {
  let gap = Infinity;
  for (let i = 1; i < times.length; i++) gap = Math.min(gap, (times[i] ?? 0) - (times[i - 1] ?? 0));
  return gap;
}

/** True when a time falls on a weekday between 08:00 and 18:00 UTC (the catalogue's mailbox schedule). */
export const inMailboxHours = (t: number): boolean => {
  const d = new Date(t);
  const weekday = d.getUTCDay();
  return weekday >= 1 && weekday <= 5 && d.getUTCHours() >= 8 && d.getUTCHours() < 18;
};

export { DAY, MIN };
