import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../helpers/manual-clock';
import { planFixture } from './plan-fixture';

const MIN = 60_000;

describe('plan loop: checks and jobs', () => {
  it('creates one inbox check per runnable mailbox or browser profile when due, never two open at once, and the next after the interval', async () => {
    const clock = new ManualClock();
    const f = planFixture(clock);
    const gmail = f.profile('gmail');
    const linkedin = f.profile('linkedin');
    f.profile('gmail', { state: 'paused', pauseReason: 'operator' });
    f.profile('gmail', { active: false });
    f.profile('http_api');
    const planner = f.planner();
    const open = () => f.sqlite.prepare("SELECT profile_id FROM inbox_checks WHERE status = 'pending' ORDER BY profile_id").pluck().all();

    expect((await planner.pass(clock.now())).inboxChecks).toBe(2);
    expect(open()).toEqual([gmail, linkedin]);
    clock.advance(20 * MIN);
    expect((await planner.pass(clock.now())).inboxChecks).toBe(0);

    f.run("UPDATE inbox_checks SET status = 'performed', finished_at = ? WHERE profile_id = ?", clock.now(), gmail);
    clock.advance(9 * MIN);
    expect((await planner.pass(clock.now())).inboxChecks).toBe(0);
    clock.advance(MIN);
    expect((await planner.pass(clock.now())).inboxChecks).toBe(1);
    expect(f.sqlite.prepare('SELECT COUNT(*) FROM inbox_checks WHERE profile_id = ?').pluck().get(gmail)).toBe(2);
  });

  it('creates connection checks only for browser identities', async () => {
    const clock = new ManualClock();
    const f = planFixture(clock);
    f.profile('gmail');
    const linkedin = f.profile('linkedin');
    const facebook = f.profile('facebook');
    const result = await f.planner().pass(clock.now());
    expect(result.connectionChecks).toBe(2);
    expect(f.sqlite.prepare('SELECT profile_id FROM connection_checks ORDER BY profile_id').pluck().all()).toEqual([linkedin, facebook]);
    expect((await f.planner().pass(clock.now())).connectionChecks).toBe(0);
  });

  it('creates a first-page job for each due source URL once, on its profile or an eligible one, and moves the next run on by the cadence', async () => {
    const clock = new ManualClock();
    const f = planFixture(clock);
    const own = f.profile('linkedin');
    const other = f.profile('linkedin');
    const web = f.profile('public_web');
    const a = f.source('linkedin_content_search', 'https://www.linkedin.com/search/results/content/?keywords=x', { profileId: own, cadenceSeconds: 3_600 });
    const b = f.source('public_page', 'https://example.com/team', { cadenceSeconds: 3_600 });
    f.source('public_page', 'https://example.com/later', { nextRunAt: clock.now() + 10 * MIN });
    const planner = f.planner();
    const jobs = () => f.sqlite.prepare('SELECT source_url_id AS url, profile_id AS profile, page FROM jobs ORDER BY id').all();

    expect((await planner.pass(clock.now())).jobs).toBe(2);
    expect(jobs()).toEqual([
      { url: a.urlId, profile: own, page: 1 },
      { url: b.urlId, profile: web, page: 1 },
    ]);
    expect(f.sqlite.prepare('SELECT next_run_at FROM source_urls WHERE id = ?').pluck().get(a.urlId)).toBe(clock.now() + 3_600_000);
    expect((await planner.pass(clock.now())).jobs).toBe(0);
    expect(other).toBeGreaterThan(own);

    // an hour later the first jobs are still open: their runs are skipped, not piled up; only the later URL gets its job
    clock.advance(61 * MIN);
    expect((await planner.pass(clock.now())).jobs).toBe(1);
    f.run("UPDATE jobs SET status = 'performed' WHERE source_url_id IN (?, ?)", a.urlId, b.urlId);
    // five and a half cadences later: one job per finished URL (the later URL's job is still open), next run on the cadence grid
    clock.advance(5 * 60 * MIN + 30 * MIN);
    expect((await planner.pass(clock.now())).jobs).toBe(2);
    const next = f.sqlite.prepare('SELECT next_run_at FROM source_urls WHERE id = ?').pluck().get(a.urlId) as number;
    expect(next).toBeGreaterThan(clock.now());
    expect(next - clock.now()).toBeLessThanOrEqual(3_600_000);
    expect((next - f.clock.now()) % 60_000).toBe(0);
    expect(Number.isInteger(next)).toBe(true);
  });
});
