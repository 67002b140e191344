import { describe, expect, it } from 'vitest';
import { createOutreach } from '../../../src/main/outreach/create-outreach';
import { ruleFixture } from '../rules/rule-fixture';

describe('createOutreach', () => {
  it('renders the template for the lead, takes the address from the type and refuses what cannot or must not go', () => {
    const f = ruleFixture();
    const now = f.clock.now();
    const lead = f.lead({ first_name: 'Ida', email: 'ida@acme.test', linkedin_url: 'https://www.linkedin.com/in/ida' });
    const noEmail = f.lead({ email: null });
    const tag = f.tag('sent-by-rule');
    const made = createOutreach(f.db, { leadId: lead, typeCode: 'email', subject: 'For {{first_name}}', body: 'Hi {{first_name}}, {{company.name|your team}}', approval: 'auto', tagId: tag, now });
    expect(made).toHaveProperty('id');
    const id = (made as { id: number }).id;
    expect(f.db.prepare('SELECT lead_address, subject, body, approval, approved_at, status FROM outreach WHERE id = ?').get(id)).toEqual({
      lead_address: 'ida@acme.test',
      subject: 'For Ida',
      body: 'Hi Ida, your team',
      approval: 'auto',
      approved_at: now,
      status: 'pending',
    });
    expect(f.tagsOf('lead', lead)).toEqual([]);
    expect(f.db.prepare("SELECT count(*) FROM tag_links WHERE target_kind = 'outreach' AND target_id = ?").pluck().get(id)).toBe(1);
    const linkedin = createOutreach(f.db, { leadId: lead, typeCode: 'linkedin_message', body: 'Hello', approval: 'pending', now }) as { id: number };
    expect(f.db.prepare('SELECT lead_address, subject, approval FROM outreach WHERE id = ?').get(linkedin.id)).toEqual({ lead_address: 'https://www.linkedin.com/in/ida', subject: null, approval: 'pending' });
    expect(createOutreach(f.db, { leadId: noEmail, typeCode: 'email', body: 'x', approval: 'auto', now })).toMatchObject({ refused: 'no_address' });
    expect(createOutreach(f.db, { leadId: noEmail, typeCode: 'manual_task', subject: 'Call', body: 'x', approval: 'auto', now })).toHaveProperty('id');
    expect(createOutreach(f.db, { leadId: lead, typeCode: 'pigeon', body: 'x', approval: 'auto', now })).toMatchObject({ refused: 'unknown_type' });
    expect(createOutreach(f.db, { leadId: 999, typeCode: 'email', body: 'x', approval: 'auto', now })).toMatchObject({ refused: 'unknown_lead' });
    expect(createOutreach(f.db, { leadId: lead, typeCode: 'email', body: '{{shoe_size}}', approval: 'auto', now })).toMatchObject({ refused: 'unknown_merge_field', detail: /shoe_size/ });
    f.db.prepare("INSERT INTO suppressions (kind, value, reason, created_at, updated_at) VALUES ('domain', 'acme.test', 'operator', 0, 0)").run();
    expect(createOutreach(f.db, { leadId: lead, typeCode: 'email', body: 'x', approval: 'auto', now })).toMatchObject({ refused: 'suppressed', detail: /acme\.test/ });
  });
});
