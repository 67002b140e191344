import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { addLead, addMailbox } from './outreach-fixtures';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.stop());

const sqlite = () => t.core.services.store.sqlite;
const post = async (path: string, body: unknown) => {
  const response = await t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('outreach API', () => {
  it('previews exactly what compose stores, flagging unknown and empty fields', async () => {
    sqlite().prepare("INSERT INTO custom_fields (target_kind, name, type, created_at, updated_at) VALUES ('lead', 'Plan', 'string', 0, 0)").run();
    const lead = addLead(sqlite(), 'ada@lead.test');
    const template = { leadId: lead, subject: '{Hi|Hello|Hey} {{first_name}}', body: '{A|B|C|D} at {{company.name}} {{job_title}} {{custom.Plan|free}} {{nope}}' };
    const preview = await post('/outreach/preview', template);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ fields: ['first_name', 'company.name', 'job_title', 'custom.Plan', 'nope'], unknown: ['nope'], empty: ['job_title'] });
    expect(preview.body.body).toMatch(/^[ABCD] at Analytical Ltd {2}free $/);
    expect((await post('/outreach/preview', template)).body).toEqual(preview.body);
    const refused = await post('/outreach', { ...template, typeCode: 'email' });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: 'body: unknown merge fields nope' } } });
    const composed = await post('/outreach', { ...template, body: template.body.replace(' {{nope}}', ''), typeCode: 'email' });
    expect(composed.status).toBe(200);
    expect(composed.body).toMatchObject({ subject: preview.body.subject, body: (preview.body.body as string).replace(/ $/, ''), approval: 'pending', status: 'pending' });
  });

  it('composes pending approval, approves once, lists by lead and emits outreach.changed', async () => {
    const events: string[] = [];
    t.core.services.bus.subscribe((e) => {
      if (e.name === 'outreach.changed') events.push(e.payload.reason);
    });
    const profile = addMailbox(sqlite(), {});
    const lead = addLead(sqlite(), 'ada@lead.test');
    const composed = await post('/outreach', { leadId: lead, typeCode: 'email', subject: 'Hi', body: 'Hello', profileId: profile });
    expect(composed.body).toMatchObject({ leadId: lead, profileId: profile, address: 'ada@lead.test', direction: 'outgoing', approval: 'pending', typeCode: 'email' });
    const id = composed.body.id as number;
    expect((await post(`/outreach/${id}/approve`, {})).body).toMatchObject({ id, approval: 'approved' });
    expect((await post(`/outreach/${id}/approve`, {})).status).toBe(409);
    expect((await post('/outreach/999/approve', {})).status).toBe(404);
    const list = (await (await t.api(`/api/v1/outreach?leadId=${lead}`)).json()) as { items: { id: number }[] };
    expect(list.items.map((i) => i.id)).toEqual([id]);
    expect(events).toEqual(['composed', 'approved']);
  });

  it('refuses a lead without email, a suppressed address and a profile that cannot send email', async () => {
    const body = { typeCode: 'email', subject: 'Hi', body: 'Hello' };
    expect((await post('/outreach', { ...body, leadId: addLead(sqlite(), null) })).status).toBe(400);
    expect((await post('/outreach', { ...body, leadId: 999 })).status).toBe(404);
    const lead = addLead(sqlite(), 'ada@lead.test');
    const linkedin = sqlite().prepare("SELECT id FROM profile_types WHERE code = 'linkedin'").get() as { id: number };
    const notMail = Number(sqlite().prepare("INSERT INTO profiles (profile_type_id, name, created_at, updated_at) VALUES (?, 'li', 0, 0)").run(linkedin.id).lastInsertRowid);
    expect((await post('/outreach', { ...body, leadId: lead, profileId: notMail })).status).toBe(400);
    sqlite().prepare("INSERT INTO suppressions (kind, value, reason, created_at, updated_at) VALUES ('domain', 'lead.test', 'operator', 0, 0)").run();
    expect((await post('/outreach', { ...body, leadId: lead })).status).toBe(409);
  });
});
