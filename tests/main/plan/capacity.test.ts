import { describe, expect, it } from 'vitest';
import { CapacityCalendar } from '../../../src/main/plan/capacity';
import { ManualClock } from '../../helpers/manual-clock';
import { planFixture } from './plan-fixture';

const DAY = 86_400_000;

describe('capacity calendar', () => {
  it('counts planned (done or due) per day and channel against what running profiles allow, none on days off', async () => {
    const clock = new ManualClock();
    const f = planFixture(clock);
    const a = f.profile('gmail');
    f.profile('smtp_imap');
    f.profile('gmail', { active: false });
    const fresh = f.profile('linkedin', { createdAt: clock.now() });
    const start = Date.UTC(2026, 10, 23);
    // done today, due today (one overdue), due tomorrow, and 50 due on Wednesday: over capacity
    f.outreach(f.lead(), { profileId: a, status: 'performed' });
    f.run("UPDATE outreach SET finished_at = ? WHERE status = 'performed'", clock.now() - 1_000);
    f.outreach(f.lead(), { profileId: a, dueAt: clock.now() - 3 * DAY });
    f.outreach(f.lead(), { profileId: a, dueAt: start + DAY + 3_600_000 });
    for (let i = 0; i < 50; i++) f.outreach(f.lead(), { profileId: a, dueAt: start + 2 * DAY + i * 60_000 });
    f.outreach(f.lead(), { type: 'linkedin_connect', profileId: fresh });

    const c = new CapacityCalendar(f.sqlite).read(clock.now(), 7);
    expect(c.start).toBe(start);
    expect(c.channels).toEqual(['email', 'linkedin']);
    const email = c.cells.filter((x) => x.channel === 'email');
    expect(email.map((x) => x.planned)).toEqual([2, 1, 50, 0, 0, 0, 0]);
    // two running mailboxes of 40 and 30 a day, Monday to Friday
    expect(email.map((x) => x.allowed)).toEqual([70, 70, 70, 70, 70, 0, 0]);
    const linkedin = c.cells.filter((x) => x.channel === 'linkedin');
    expect(linkedin[0]?.planned).toBe(1);
    // a new LinkedIn profile ramps up from 20%: far less than the full 14 + 40 + 80 + 100 a day
    expect(linkedin[0]?.allowed).toBeLessThan(60);
    expect(linkedin[0]?.allowed).toBeGreaterThan(0);
  });
});
