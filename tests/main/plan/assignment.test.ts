import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../helpers/manual-clock';
import { planFixture } from './plan-fixture';

describe('plan loop: assignment', () => {
  it('assigns approved outreach to a profile of a matching type and never assigns unapproved or rejected outreach', async () => {
    const clock = new ManualClock();
    const f = planFixture(clock);
    const gmail = f.profile('gmail');
    const linkedin = f.profile('linkedin');
    const lead = f.lead();
    const email = f.outreach(lead);
    const invite = f.outreach(lead, { type: 'linkedin_connect' });
    const unapproved = f.outreach(f.lead(), { approval: 'pending' });
    const rejected = f.outreach(f.lead(), { approval: 'rejected' });
    const auto = f.outreach(f.lead(), { approval: 'auto' });
    const result = await f.planner().pass(clock.now());
    expect(result.assigned).toBe(3);
    expect(f.profileOf('outreach', email)).toBe(gmail);
    expect(f.profileOf('outreach', invite)).toBe(linkedin);
    expect(f.profileOf('outreach', auto)).toBe(gmail);
    expect(f.profileOf('outreach', unapproved)).toBeNull();
    expect(f.profileOf('outreach', rejected)).toBeNull();
  });

  it('picks the least-loaded eligible profile, skipping failed, stopped and deleted ones, and running ones before paused ones', async () => {
    const clock = new ManualClock();
    const f = planFixture(clock);
    const busy = f.profile('gmail');
    const idle = f.profile('microsoft365');
    f.profile('gmail', { state: 'failed' });
    f.profile('gmail', { active: false });
    f.profile('smtp_imap', { deleted: true });
    const paused = f.profile('smtp_imap', { state: 'paused', pauseReason: 'captcha' });
    for (let i = 0; i < 3; i++) f.outreach(f.lead(), { profileId: busy });
    const items = Array.from({ length: 4 }, () => f.outreach(f.lead()));
    await f.planner().pass(clock.now());
    // idle takes 3 to reach busy's load, then the tie goes to the lower id; the paused one gets nothing
    expect(items.map((id) => f.profileOf('outreach', id))).toEqual([idle, idle, idle, busy]);
    expect(f.sqlite.prepare('SELECT COUNT(*) FROM outreach WHERE profile_id = ?').pluck().get(paused)).toBe(0);
  });

  it('gives a paused profile work only when no running one can take it', async () => {
    const clock = new ManualClock();
    const f = planFixture(clock);
    const paused = f.profile('gmail', { state: 'paused', pauseReason: 'operator' });
    const item = f.outreach(f.lead());
    await f.planner().pass(clock.now());
    expect(f.profileOf('outreach', item)).toBe(paused);
  });

  it('sends every outreach to a lead on a channel from the same profile, even when another is less loaded', async () => {
    const clock = new ManualClock();
    const f = planFixture(clock);
    const first = f.profile('gmail');
    const second = f.profile('gmail');
    const li = f.profile('linkedin');
    const lead = f.lead();
    for (let i = 0; i < 5; i++) f.outreach(f.lead(), { profileId: first });
    f.outreach(lead, { profileId: first, status: 'performed' });
    // the lead's earlier invite went out from the LinkedIn profile: it decides nothing for email
    f.outreach(lead, { type: 'linkedin_connect', profileId: li, status: 'performed' });
    const followUp = f.outreach(lead);
    const fresh = f.outreach(f.lead());
    // two new messages to one new lead in the same pass land on one profile
    const newLead = f.lead();
    const pair = [f.outreach(newLead), f.outreach(newLead)];
    await f.planner().pass(clock.now());
    expect(f.profileOf('outreach', followUp)).toBe(first);
    expect(f.profileOf('outreach', fresh)).toBe(second);
    expect(f.profileOf('outreach', pair[0] ?? 0)).toBe(f.profileOf('outreach', pair[1] ?? 0));
  });

  it('moves a lead to another profile only when its profile failed or was deleted', async () => {
    const clock = new ManualClock();
    const f = planFixture(clock);
    const gone = f.profile('gmail', { state: 'failed' });
    const live = f.profile('gmail');
    const lead = f.lead();
    f.outreach(lead, { profileId: gone, status: 'performed' });
    const next = f.outreach(lead);
    await f.planner().pass(clock.now());
    expect(f.profileOf('outreach', next)).toBe(live);
  });

  it('assigns approved enrichments to a profile of a matching type and leaves items with no eligible profile unassigned', async () => {
    const clock = new ManualClock();
    const f = planFixture(clock);
    const verifier = f.profile('local_verifier');
    const check = f.enrichment(f.lead());
    const find = f.enrichment(f.lead(), { type: 'find_email' });
    const unapproved = f.enrichment(f.lead(), { approval: 'pending' });
    const result = await f.planner().pass(clock.now());
    expect(result.assigned).toBe(1);
    expect(f.profileOf('enrichments', check)).toBe(verifier);
    expect(f.profileOf('enrichments', find)).toBeNull();
    expect(f.profileOf('enrichments', unapproved)).toBeNull();
    const api = f.profile('http_api');
    await f.planner().pass(clock.now());
    expect(f.profileOf('enrichments', find)).toBe(api);
  });

  it('assigns in many small transactions without losing or doubling an item', async () => {
    const clock = new ManualClock();
    const f = planFixture(clock);
    const profiles = [f.profile('gmail'), f.profile('gmail'), f.profile('smtp_imap')];
    for (let i = 0; i < 301; i++) f.outreach(f.lead());
    const { Planner } = await import('../../../src/main/plan/planner');
    const planner = new Planner(f.sqlite, f.quotas, f.connectivity, { batch: { targetMs: 1, initial: 7, min: 7, max: 7 } });
    expect((await planner.pass(clock.now())).assigned).toBe(301);
    const counts = f.sqlite.prepare('SELECT profile_id, COUNT(*) AS n FROM outreach GROUP BY profile_id ORDER BY profile_id').all();
    expect(counts).toEqual(profiles.map((id, i) => ({ profile_id: id, n: i === 0 ? 101 : 100 })));
  }, 60_000);
});
