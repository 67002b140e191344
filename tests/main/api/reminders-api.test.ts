import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushedEvent } from '../../../src/main/event-bus';
import { UpsertEngine } from '../../../src/main/leads/upsert-engine';
import type { LeadDetail } from '../../../src/shared/contract/schemas/lead-detail';
import type { Reminder } from '../../../src/shared/contract/schemas/reminders';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
let ada: number;
let grace: number;
const events: PushedEvent[] = [];
beforeAll(async () => {
  t = await startTestCore({ clock: new ManualClock(Date.UTC(2026, 10, 23, 9)) });
  t.core.services.bus.subscribe((e) => events.push(e));
  const engine = new UpsertEngine(t.core.services.store.sqlite, () => t.core.services.clock.now());
  ada = engine.upsertLead({ email: 'ada@engines.io', firstName: 'Ada', lastName: 'Lovelace' }, { kind: 'api', id: null }).id;
  grace = engine.upsertLead({ email: 'grace@navy.mil' }, { kind: 'api', id: null }).id;
});
afterAll(() => t.stop());

const post = (path: string, body: unknown) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
const list = async (query = ''): Promise<Reminder[]> => ((await (await t.api(`/api/v1/reminders${query}`)).json()) as { items: Reminder[] }).items;
const create = async (leadId: number, dueAt: string, note: string): Promise<Reminder> => {
  const res = await post('/reminders', { leadId, dueAt, note });
  expect(res.status).toBe(200);
  return res.json();
};

describe('reminders over the API', () => {
  let call: Reminder;
  let email: Reminder;
  let visit: Reminder;

  beforeAll(async () => {
    visit = await create(grace, '2026-12-01T10:00:00.000Z', 'Visit');
    call = await create(ada, '2026-11-24T09:00:00.000Z', ' Call back ');
    email = await create(ada, '2026-11-23T15:00:00.000Z', 'Send deck');
  });

  it('lists open reminders soonest due first, with the lead they are about', async () => {
    expect(call).toMatchObject({ leadId: ada, leadLabel: 'Ada Lovelace', note: 'Call back', done: false, doneAt: null });
    expect((await list()).map((r) => r.id)).toEqual([email.id, call.id, visit.id]);
    expect((await list(`?leadId=${ada}`)).map((r) => r.id)).toEqual([email.id, call.id]);
    expect((await list('?dueBefore=2026-11-24T09:00:00.000Z')).map((r) => r.id)).toEqual([email.id]);
    expect((await list(`?leadId=${grace}`))[0]?.leadLabel).toBe('grace@navy.mil');
  });

  it('completes, reopens, moves and deletes reminders, telling the dashboard', async () => {
    const done = await post(`/reminders/${email.id}/complete`, {});
    expect(await done.json()).toMatchObject({ done: true, doneAt: '2026-11-23T09:00:00.000Z' });
    expect((await list()).map((r) => r.id)).toEqual([call.id, visit.id]);
    expect((await list('?status=done')).map((r) => r.id)).toEqual([email.id]);
    expect((await list('?status=all')).map((r) => r.id)).toEqual([email.id, call.id, visit.id]);
    expect(await (await post(`/reminders/${email.id}/complete`, { done: false })).json()).toMatchObject({ done: false, doneAt: null });

    const moved = await post(`/reminders/${visit.id}`, { dueAt: '2026-11-20T08:00:00.000Z' });
    expect(await moved.json()).toMatchObject({ dueAt: '2026-11-20T08:00:00.000Z', note: 'Visit' });
    expect((await list()).map((r) => r.id)).toEqual([visit.id, email.id, call.id]);

    events.length = 0;
    expect(await (await post(`/reminders/${visit.id}/delete`, {})).json()).toEqual({ id: visit.id });
    expect(events).toEqual([{ name: 'reminders.changed', payload: { reason: 'deleted', reminderId: visit.id, leadId: grace } }]);
    expect((await post(`/reminders/${visit.id}/delete`, {})).status).toBe(404);
    expect((await post(`/reminders/${visit.id}/complete`, {})).status).toBe(404);
  });

  it('shows open reminders on the lead page and hides those of deleted leads', async () => {
    const lead = (await (await t.api(`/api/v1/leads/${ada}`)).json()) as LeadDetail;
    expect(lead.reminders.map((r) => r.note)).toEqual(['Send deck', 'Call back']);
    await create(grace, '2026-11-25T09:00:00.000Z', 'Hidden soon');
    expect((await post(`/leads/${grace}/delete`, {})).status).toBe(200);
    expect((await list('?status=all')).map((r) => r.leadId)).toEqual([ada, ada]);
  });

  it('refuses a missing lead, a bad time and unknown fields, naming them', async () => {
    const missing = await post('/reminders', { leadId: 999999, dueAt: '2026-11-24T09:00:00.000Z' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toContain('leadId');
    const badTime = await post('/reminders', { leadId: ada, dueAt: 'tomorrow' });
    expect((await badTime.json()).error.issues[0].path).toBe('dueAt');
    const badStatus = await t.api('/api/v1/reminders?status=late');
    expect((await badStatus.json()).error.issues[0].path).toBe('status');
  });
});
