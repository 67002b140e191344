import { describe, expect, it } from 'vitest';
import { enrollLeads } from '../../../src/main/sequences/enroll';
import { sequenceFixture } from './sequence-fixture';

describe('enrollLeads', () => {
  it('refuses suppressed, already enrolled and unreachable leads with the reason, and everyone for an inactive sequence', () => {
    const f = sequenceFixture();
    const seq = f.sequence([{ type: 'linkedin_connect' }]);
    const ok = f.lead({ linkedin_url: 'https://linkedin.com/in/ok' });
    const blocked = f.lead({ linkedin_url: 'https://www.linkedin.com/in/Blocked/' });
    const noUrl = f.lead();
    f.db.prepare("INSERT INTO suppressions (kind, value, reason, created_at, updated_at) VALUES ('linkedin', 'linkedin.com/in/blocked', 'operator', 0, 0)").run();
    const now = f.clock.now();
    expect(enrollLeads(f.db, { sequenceId: seq.id, leadIds: [ok, blocked, noUrl], now })).toEqual({
      enrolled: [ok],
      refused: [
        { leadId: blocked, reason: 'suppressed' },
        { leadId: noUrl, reason: 'no_address' },
      ],
    });
    expect(enrollLeads(f.db, { sequenceId: seq.id, leadIds: [ok], now }).refused).toEqual([{ leadId: ok, reason: 'already_enrolled' }]);
    const draft = f.sequence([{}], { status: 'draft' });
    expect(enrollLeads(f.db, { sequenceId: draft.id, leadIds: [ok], now }).refused).toEqual([{ leadId: ok, reason: 'sequence_not_active' }]);
  });

  it('caps new enrollments per local day of the operator and starts again the next day', () => {
    const f = sequenceFixture();
    const seq = f.sequence([{}], { cap: 2 });
    const leads = [f.lead(), f.lead(), f.lead()];
    const first = enrollLeads(f.db, { sequenceId: seq.id, leadIds: leads, now: f.clock.now() });
    expect(first.enrolled).toEqual(leads.slice(0, 2));
    expect(first.refused).toEqual([{ leadId: leads[2], reason: 'daily_cap' }]);
    f.days(1);
    expect(enrollLeads(f.db, { sequenceId: seq.id, leadIds: [leads[2]!], now: f.clock.now() }).enrolled).toEqual([leads[2]]);
  });

  it('joins the caller transaction: a rollback undoes the enrollment', () => {
    const f = sequenceFixture();
    const seq = f.sequence([{}]);
    const lead = f.lead();
    expect(() =>
      f.db.transaction(() => {
        enrollLeads(f.db, { sequenceId: seq.id, leadIds: [lead], now: f.clock.now() });
        throw new Error('rollback');
      })(),
    ).toThrow('rollback');
    expect(f.db.prepare('SELECT COUNT(*) AS n FROM enrollments').get()).toEqual({ n: 0 });
  });
});
