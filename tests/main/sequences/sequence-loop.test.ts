import { describe, expect, it } from 'vitest';
import { enrollLeads } from '../../../src/main/sequences/enroll';
import { stopEnrollments } from '../../../src/main/sequences/stop-enrollments';
import { sequenceFixture } from './sequence-fixture';

const HOUR = 3_600_000;

describe('sequence loop', () => {
  it('sends the first step at once and the next after its delay in sending days, skipping the weekend and holidays', async () => {
    const f = sequenceFixture();
    f.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('holidays', '[\"2026-11-30\"]', 0)").run();
    const seq = f.sequence([{ delayDays: 0 }, { delayDays: 2 }]);
    const lead = f.lead();
    // Sent Thursday 26 Nov 09:00: +2 sending days = Friday, then (Sat, Sun and Monday the 30th, a holiday, skipped) Tuesday 1 Dec.
    f.days(3);
    expect(enrollLeads(f.db, { sequenceId: seq.id, leadIds: [lead], now: f.clock.now() }).enrolled).toEqual([lead]);
    await f.pass();
    const [first] = f.outreachOf(lead);
    expect(first).toMatchObject({ type: 'email', approval: 'auto', subject: 'Step 1', body: 'Hello Ann1, step 1' });
    f.sent(first!.id);
    await f.pass();
    expect(f.outreachOf(lead)).toHaveLength(1);
    expect(new Date(f.enrollmentOf(lead).next_step_due_at!).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    f.days(4); // Monday 30 Nov
    await f.pass();
    expect(f.outreachOf(lead)).toHaveLength(1);
    f.days(1); // Tuesday 1 Dec
    await f.pass();
    expect(f.outreachOf(lead).map((o) => o.subject)).toEqual(['Step 1', 'Step 2']);
    f.sent(f.outreachOf(lead)[1]!.id);
    f.clock.advance(2 * HOUR);
    await f.pass();
    expect(f.enrollmentOf(lead)).toMatchObject({ status: 'completed', steps_done: 2 });
  });

  it.each([
    ['a reply by email', 'email', 'reply', 'replied'],
    ['a reply by LinkedIn message', 'linkedin_message', 'reply', 'replied'],
    ['a reply by Facebook message', 'facebook_message', 'reply', 'replied'],
    ['a hard bounce', 'email', 'hard_bounce', 'bounced'],
    ['an unsubscribe', 'email', 'unsubscribe', 'unsubscribed'],
  ] as const)('stops on %s seen on any channel, before the next step', async (_name, type, kind, reason) => {
    const f = sequenceFixture();
    const seq = f.sequence([{}, { delayDays: 1 }]);
    const lead = f.lead({ linkedin_url: 'https://www.linkedin.com/in/ann' });
    enrollLeads(f.db, { sequenceId: seq.id, leadIds: [lead], now: f.clock.now() });
    await f.pass();
    f.sent(f.outreachOf(lead)[0]!.id);
    f.incoming(lead, type, kind);
    f.days(1);
    await f.pass();
    expect(f.enrollmentOf(lead)).toMatchObject({ status: 'stopped', stop_reason: reason });
    expect(f.outreachOf(lead)).toHaveLength(1);
  });

  it('stops by the operator and aborts a planned step that was not sent', async () => {
    const f = sequenceFixture();
    const seq = f.sequence([{ autoApprove: false }]);
    const lead = f.lead();
    enrollLeads(f.db, { sequenceId: seq.id, leadIds: [lead], now: f.clock.now() });
    await f.pass();
    expect(f.outreachOf(lead)[0]).toMatchObject({ status: 'pending', approval: 'pending' });
    expect(stopEnrollments(f.db, { leadId: lead, reason: 'operator', now: f.clock.now() })).toBe(1);
    expect(f.enrollmentOf(lead)).toMatchObject({ status: 'stopped', stop_reason: 'operator' });
    expect(f.outreachOf(lead)[0]).toMatchObject({ status: 'aborted' });
  });

  it('stops colleagues at the same company when one replied, only in sequences that ask for it', async () => {
    const f = sequenceFixture();
    const company = f.company();
    const strict = f.sequence([{}, { delayDays: 1 }], { companyReplied: true });
    const loose = f.sequence([{}, { delayDays: 1 }]);
    const [a, b, c] = [f.lead({ company_id: company }), f.lead({ company_id: company }), f.lead({ company_id: company })];
    enrollLeads(f.db, { sequenceId: strict.id, leadIds: [a, b], now: f.clock.now() });
    enrollLeads(f.db, { sequenceId: loose.id, leadIds: [c], now: f.clock.now() });
    await f.pass();
    for (const lead of [a, b, c]) f.sent(f.outreachOf(lead)[0]!.id);
    f.incoming(a, 'email', 'reply');
    f.days(1);
    await f.pass();
    expect(f.enrollmentOf(a).stop_reason).toBe('replied');
    expect(f.enrollmentOf(b)).toMatchObject({ status: 'stopped', stop_reason: 'company_replied' });
    expect(f.enrollmentOf(c).status).toBe('active');
    expect(f.outreachOf(c)).toHaveLength(2);
  });

  it('branches on an invitation accepted within N days or not', async () => {
    const f = sequenceFixture();
    const seq = f.sequence([
      { type: 'linkedin_connect', variants: [{ body: 'Hi {{first_name}}' }] },
      { type: 'linkedin_message', branch: { on: 'accepted', withinDays: 7 }, variants: [{ body: 'Thanks for connecting' }] },
      { type: 'email', branch: { on: 'not_accepted', withinDays: 7 }, variants: [{ subject: 'Missed you', body: 'Email instead' }] },
    ]);
    const accepts = f.lead({ linkedin_url: 'https://linkedin.com/in/yes' });
    const ignores = f.lead({ linkedin_url: 'https://linkedin.com/in/no' });
    enrollLeads(f.db, { sequenceId: seq.id, leadIds: [accepts, ignores], now: f.clock.now() });
    await f.pass();
    for (const lead of [accepts, ignores]) f.sent(f.outreachOf(lead)[0]!.id);
    await f.pass();
    f.days(2);
    f.incoming(accepts, 'linkedin_connect', null);
    await f.pass();
    expect(f.outreachOf(accepts).map((o) => o.type)).toEqual(['linkedin_connect', 'linkedin_message']);
    expect(f.outreachOf(ignores).map((o) => o.type)).toEqual(['linkedin_connect']);
    f.sent(f.outreachOf(accepts)[1]!.id);
    f.days(6);
    await f.pass();
    // The acceptor skips the not-accepted email and is done; the other gets the email after the 7 days.
    expect(f.outreachOf(accepts).map((o) => o.type)).toEqual(['linkedin_connect', 'linkedin_message']);
    expect(f.enrollmentOf(accepts).status).toBe('completed');
    expect(f.outreachOf(ignores).map((o) => o.type)).toEqual(['linkedin_connect', 'email']);
  });

  it('stops with not_accepted when an accepted-only step is the last and the invitation was ignored', async () => {
    const f = sequenceFixture();
    const seq = f.sequence([{ type: 'linkedin_connect' }, { type: 'linkedin_message', branch: { on: 'accepted', withinDays: 3 } }]);
    const lead = f.lead({ linkedin_url: 'https://linkedin.com/in/x' });
    enrollLeads(f.db, { sequenceId: seq.id, leadIds: [lead], now: f.clock.now() });
    await f.pass();
    f.sent(f.outreachOf(lead)[0]!.id);
    f.days(3);
    await f.pass();
    expect(f.enrollmentOf(lead)).toMatchObject({ status: 'stopped', stop_reason: 'not_accepted' });
  });

  it('assigns A/B variants by weight, records them, and always gives an enrollment the same one', async () => {
    const f = sequenceFixture();
    const seq = f.sequence([{ variants: [{ label: 'A', body: 'A body', weight: 3 }, { label: 'B', body: 'B body', weight: 1 }, { label: 'C', body: 'never', weight: 0 }] }]);
    const leads = Array.from({ length: 400 }, () => f.lead());
    enrollLeads(f.db, { sequenceId: seq.id, leadIds: leads, now: f.clock.now() });
    await f.pass();
    const counts = f.db.prepare('SELECT sequence_variant_id AS v, COUNT(*) AS n FROM outreach GROUP BY v ORDER BY v').all() as { v: number; n: number }[];
    const [a, b, c] = seq.variants[0]!;
    const byVariant = new Map(counts.map((r) => [r.v, r.n]));
    expect(byVariant.get(c!)).toBeUndefined();
    expect(byVariant.get(a!)! + byVariant.get(b!)!).toBe(400);
    expect(byVariant.get(a!)!).toBeGreaterThan(250);
    expect(byVariant.get(a!)!).toBeLessThan(350);
    for (const lead of leads.slice(0, 5)) {
      const o = f.outreachOf(lead)[0]!;
      expect(o.body).toBe(o.sequence_variant_id === a ? 'A body' : 'B body');
    }
  });

  it('applies an edit of a running sequence to steps not yet sent, never to what was sent', async () => {
    const f = sequenceFixture();
    const seq = f.sequence([{ variants: [{ body: 'old one' }] }, { delayDays: 1, variants: [{ body: 'old two' }] }]);
    const lead = f.lead();
    enrollLeads(f.db, { sequenceId: seq.id, leadIds: [lead], now: f.clock.now() });
    await f.pass();
    f.sent(f.outreachOf(lead)[0]!.id);
    f.db.prepare("UPDATE sequence_variants SET body = 'new ' || body").run();
    f.days(1);
    await f.pass();
    expect(f.outreachOf(lead).map((o) => o.body)).toEqual(['old one', 'new old two']);
  });

  it('skips a step removed while the lead waited for it', async () => {
    const f = sequenceFixture();
    const seq = f.sequence([{}, { delayDays: 1, variants: [{ body: 'removed' }] }, { delayDays: 1, variants: [{ body: 'third' }] }]);
    const lead = f.lead();
    enrollLeads(f.db, { sequenceId: seq.id, leadIds: [lead], now: f.clock.now() });
    await f.pass();
    f.sent(f.outreachOf(lead)[0]!.id);
    f.db.prepare('UPDATE sequence_steps SET deleted_at = 1 WHERE id = ?').run(seq.steps[1]);
    f.days(1);
    await f.pass();
    expect(f.outreachOf(lead).map((o) => o.body)).toEqual(['Hello Ann1, step 1', 'third']);
  });

  it('serves follow-ups before first steps of new leads', async () => {
    const f = sequenceFixture();
    const seq = f.sequence([{}, { delayDays: 1 }]);
    const old = f.lead();
    enrollLeads(f.db, { sequenceId: seq.id, leadIds: [old], now: f.clock.now() });
    await f.pass();
    f.sent(f.outreachOf(old)[0]!.id);
    f.days(1);
    const fresh = f.lead();
    enrollLeads(f.db, { sequenceId: seq.id, leadIds: [fresh], now: f.clock.now() - 1 });
    await f.pass();
    const ids = f.db.prepare("SELECT lead_id FROM outreach WHERE created_at = ? ORDER BY id").all(f.clock.now()) as { lead_id: number }[];
    expect(ids.map((r) => r.lead_id)).toEqual([old, fresh]);
  });

  it('waits while the last step is not approved, then counts the delay from its send', async () => {
    const f = sequenceFixture();
    const seq = f.sequence([{ autoApprove: false }, { delayDays: 1 }]);
    const lead = f.lead();
    enrollLeads(f.db, { sequenceId: seq.id, leadIds: [lead], now: f.clock.now() });
    await f.pass();
    expect(f.events).toContain('approvals.changed');
    f.days(3); // Thursday: still waiting for approval
    await f.pass();
    expect(f.outreachOf(lead)).toHaveLength(1);
    f.sent(f.outreachOf(lead)[0]!.id);
    f.clock.advance(2 * HOUR);
    await f.pass();
    expect(f.outreachOf(lead)).toHaveLength(1);
    f.days(1);
    await f.pass();
    expect(f.outreachOf(lead)).toHaveLength(2);
  });

  it('stops an enrollment whose lead was suppressed after enrolling, without creating the step', async () => {
    const f = sequenceFixture();
    const seq = f.sequence([{ delayDays: 1 }]);
    const lead = f.lead({ email: 'x@blocked.com' });
    enrollLeads(f.db, { sequenceId: seq.id, leadIds: [lead], now: f.clock.now() });
    f.db.prepare("INSERT INTO suppressions (kind, value, reason, created_at, updated_at) VALUES ('domain', 'blocked.com', 'operator', 0, 0)").run();
    f.days(1);
    await f.pass();
    expect(f.enrollmentOf(lead)).toMatchObject({ status: 'stopped', stop_reason: 'suppressed' });
    expect(f.outreachOf(lead)).toHaveLength(0);
  });
});
