import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushedEvent } from '../../../src/main/event-bus';
import type { ImportSummary } from '../../../src/shared/contract/schemas/imports';
import type { CompanyDetail } from '../../../src/shared/contract/schemas/company-detail';
import type { LeadDetail } from '../../../src/shared/contract/schemas/lead-detail';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
const events: PushedEvent[] = [];
beforeAll(async () => {
  t = await startTestCore();
  t.core.services.bus.subscribe((e) => events.push(e));
});
afterAll(() => t.stop());

const b64 = (text: string) => Buffer.from(text).toString('base64');
const post = (path: string, body: unknown) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
const getLead = async (id: number): Promise<LeadDetail> => {
  const res = await t.api(`/api/v1/leads/${id}`);
  expect(res.status).toBe(200);
  return res.json();
};
const leadIdByEmail = (email: string): number =>
  (t.core.services.store.sqlite.prepare('SELECT id FROM leads WHERE email_norm = ? AND deleted_at IS NULL').get(email) as { id: number }).id;

async function importCsv(fileName: string, csv: string, mapping: string[]): Promise<number> {
  const created = await post('/imports', { fileName, content: b64(csv), mapping });
  expect(created.status).toBe(200);
  const { id } = (await created.json()) as ImportSummary;
  for (;;) {
    const list = (await (await t.api('/api/v1/imports')).json()) as { items: ImportSummary[] };
    const found = list.items.find((i) => i.id === id);
    if (found?.status === 'done') return id;
    if (found?.status === 'failed') throw new Error(`import failed: ${found.error}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const MAPPING = ['firstName', 'lastName', 'email', 'jobTitle', 'company.name', 'company.domain'];

describe('lead detail, manual edits and undo over the API', () => {
  let ada: number;
  let grace: number;

  beforeAll(async () => {
    await importCsv(
      'people.csv',
      'First,Last,Email,Title,Company,Website\nAda,Lovelace,ada@engines.io,,Engines,engines.io\nGrace,Hopper,grace@navy.mil,Admiral,Navy,navy.mil\n',
      MAPPING,
    );
    ada = leadIdByEmail('ada@engines.io');
    grace = leadIdByEmail('grace@navy.mil');
  });

  it('shows a lead with its company, field provenance from the import and the import in its history', async () => {
    const lead = await getLead(ada);
    expect(lead).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@engines.io', company: { name: 'Engines', domain: 'engines.io' } });
    expect(lead.provenance.firstName).toMatchObject({ sourceKind: 'import', label: 'Import people.csv' });
    expect(lead.provenance.emailNorm).toBeUndefined();
    expect(lead.history).toHaveLength(1);
    expect(lead.history[0]).toMatchObject({ action: 'insert', label: 'Import people.csv', undone: false });
    expect(lead.history[0]?.changes).toContainEqual({ field: 'firstName', before: null, after: 'Ada' });
    expect(lead).toMatchObject({ tags: [], customValues: [], reminders: [], activity: [] });
  });

  it('records a manual edit (set and clear) as one journal entry with person provenance, and emits leads.changed', async () => {
    events.length = 0;
    const res = await post(`/leads/${ada}`, { jobTitle: ' Countess ', lastName: '' });
    expect(res.status).toBe(200);
    const lead = (await res.json()) as LeadDetail;
    expect(lead).toMatchObject({ jobTitle: 'Countess', lastName: null, firstName: 'Ada' });
    expect(lead.provenance.jobTitle).toMatchObject({ sourceKind: 'person', label: 'Manual edit' });
    expect(lead.provenance.lastName).toMatchObject({ sourceKind: 'person' });
    expect(lead.provenance.firstName).toMatchObject({ sourceKind: 'import' });
    expect(lead.history).toHaveLength(2);
    expect(lead.history[0]).toMatchObject({ action: 'update', label: 'Manual edit', importId: null, canUndo: true });
    expect(lead.history[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'jobTitle', before: null, after: 'Countess' },
        { field: 'lastName', before: 'Lovelace', after: null },
      ]),
    );
    expect(events).toContainEqual({ name: 'leads.changed', payload: { reason: 'edit', total: 2 } });
  });

  it('undoes the manual edit: values and provenance come back', async () => {
    const before = await getLead(ada);
    const entry = before.history[0];
    const res = await post(`/journal/${entry?.id}/undo`, {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: entry?.id, targetKind: 'lead', targetId: ada });
    const lead = await getLead(ada);
    expect(lead).toMatchObject({ lastName: 'Lovelace', jobTitle: null });
    expect(lead.provenance.lastName).toMatchObject({ sourceKind: 'import', label: 'Import people.csv' });
    expect(lead.provenance.jobTitle).toBeUndefined();
    expect(lead.history[0]).toMatchObject({ id: entry?.id, undone: true, canUndo: false, cannotUndoReason: 'already undone' });
    expect((await post(`/journal/${entry?.id}/undo`, {})).status).toBe(409);
  });

  it('refuses to undo a change whose fields changed again later, naming the newer change, until that one is undone', async () => {
    const first = ((await (await post(`/leads/${grace}`, { jobTitle: 'Rear Admiral' })).json()) as LeadDetail).history[0]?.id;
    const second = ((await (await post(`/leads/${grace}`, { jobTitle: 'Commodore', phone: '+1 555 0100' })).json()) as LeadDetail).history[0]?.id;
    const lead = await getLead(grace);
    expect(lead.history.find((h) => h.id === first)).toMatchObject({ canUndo: false, cannotUndoReason: `jobTitle changed again later (change ${second}); undo that first` });
    const refused = await post(`/journal/${first}/undo`, {});
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toContain(`change ${second}`);
    expect((await getLead(grace)).jobTitle).toBe('Commodore');

    expect((await post(`/journal/${second}/undo`, {})).status).toBe(200);
    expect(await getLead(grace)).toMatchObject({ jobTitle: 'Rear Admiral', phone: null });
    expect((await post(`/journal/${first}/undo`, {})).status).toBe(200);
    expect((await getLead(grace)).jobTitle).toBe('Admiral');
  });

  it('undoes one merge by a later import, restoring the values it replaced and their provenance', async () => {
    const importId = await importCsv('update.csv', 'First,Last,Email,Title,Company,Website\nAda,Lovelace,ada@engines.io,Analyst,,\n', MAPPING);
    const merged = await getLead(ada);
    expect(merged.jobTitle).toBe('Analyst');
    expect(merged.provenance.jobTitle).toMatchObject({ sourceKind: 'import', sourceId: importId, label: 'Import update.csv' });
    const entry = merged.history.find((h) => h.importId === importId);
    expect(entry).toMatchObject({ action: 'update', label: 'Import update.csv', changes: [{ field: 'jobTitle', before: null, after: 'Analyst' }] });
    expect((await post(`/journal/${entry?.id}/undo`, {})).status).toBe(200);
    const restored = await getLead(ada);
    expect(restored.jobTitle).toBeNull();
    expect(restored.provenance.jobTitle).toBeUndefined();
  });

  it('names the field of invalid input, 409s an email another live lead has (naming it), 404s missing leads and companies', async () => {
    const invalid = await post(`/leads/${ada}`, { email: 'not an email' });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.issues).toEqual([{ path: 'email', message: '"not an email" is not a valid email address' }]);
    const taken = await post(`/leads/${ada}`, { email: 'GRACE@navy.mil' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.message).toBe(`email: lead ${grace} already has this email address`);
    expect((await getLead(ada)).email).toBe('ada@engines.io');
    expect((await post(`/leads/${ada}`, { nickname: 'x' })).status).toBe(400);
    expect((await post('/leads/999999', { jobTitle: 'x' })).status).toBe(404);
    expect((await t.api('/api/v1/leads/999999')).status).toBe(404);
    const noCompany = await post(`/leads/${ada}`, { companyId: 999999 });
    expect(noCompany.status).toBe(404);
    expect((await noCompany.json()).error.message).toContain('companyId');
  });

  it('changes the email (dropping the stale verification) and moves the lead to another company', async () => {
    t.core.services.store.sqlite.prepare("UPDATE leads SET email_verification = 'valid' WHERE id = ?").run(ada);
    const navy = (await getLead(grace)).companyId;
    const res = await post(`/leads/${ada}`, { email: 'Ada@Analytical.org', companyId: navy });
    expect(res.status).toBe(200);
    const lead = (await res.json()) as LeadDetail;
    expect(lead).toMatchObject({ email: 'ada@analytical.org', emailVerification: null, companyId: navy, company: { name: 'Navy' } });
    expect(lead.history[0]?.changes).toEqual(expect.arrayContaining([{ field: 'email', before: 'ada@engines.io', after: 'ada@analytical.org' }]));
    expect((await post(`/journal/${lead.history[0]?.id}/undo`, {})).status).toBe(200);
    expect(await getLead(ada)).toMatchObject({ email: 'ada@engines.io', emailVerification: 'valid', company: { name: 'Engines' } });
  });

  it('soft-deletes a lead (journaled), restores it, and refuses a restore when its email was taken meanwhile', async () => {
    const deleted = await post(`/leads/${grace}/delete`, {});
    expect(deleted.status).toBe(200);
    const { journalId } = await deleted.json();
    expect((await t.api(`/api/v1/leads/${grace}`)).status).toBe(404);
    expect((await post(`/leads/${grace}/delete`, {})).status).toBe(404);
    const restored = await post(`/leads/${grace}/restore`, {});
    expect(restored.status).toBe(200);
    const lead = (await restored.json()) as LeadDetail;
    expect(lead.history.slice(0, 2).map((h) => h.action)).toEqual(['restore', 'delete']);
    expect(lead.history.find((h) => h.id === journalId)?.canUndo).toBe(false);
    expect((await post(`/leads/${grace}/restore`, {})).status).toBe(409);

    const again = (await (await post(`/leads/${grace}/delete`, {})).json()).journalId as number;
    await importCsv('twin.csv', 'First,Last,Email,Title,Company,Website\nGrace,Twin,grace@navy.mil,,,\n', MAPPING);
    const twin = leadIdByEmail('grace@navy.mil');
    const clash = await post(`/leads/${grace}/restore`, {});
    expect(clash.status).toBe(409);
    expect((await clash.json()).error.message).toContain(`lead ${twin}`);
    expect((await post(`/journal/${again}/undo`, {})).status).toBe(409);
  });

  it('lists the outreach with a lead as its activity, newest first', async () => {
    const sqlite = t.core.services.store.sqlite;
    const email = (sqlite.prepare("SELECT id FROM outreach_types WHERE code = 'email'").get() as { id: number }).id;
    const sent = sqlite
      .prepare(
        "INSERT INTO outreach (outreach_type_id, direction, lead_id, subject, approval, idempotency_key, status, occurred_at, due_at, created_at, updated_at) VALUES (?, 'outgoing', ?, 'Hello', 'approved', 'k1', 'performed', 1000, 0, 0, 0)",
      )
      .run(email, ada).lastInsertRowid;
    const reply = sqlite
      .prepare(
        "INSERT INTO outreach (outreach_type_id, direction, incoming_kind, lead_id, parent_outreach_id, subject, status, occurred_at, due_at, created_at, updated_at) VALUES (?, 'incoming', 'reply', ?, ?, 'Re: Hello', 'performed', 2000, 0, 0, 0)",
      )
      .run(email, ada, sent).lastInsertRowid;
    expect((await getLead(ada)).activity).toEqual([
      { id: Number(reply), direction: 'incoming', channel: 'Email', incomingKind: 'reply', subject: 'Re: Hello', status: 'performed', at: '1970-01-01T00:00:02.000Z' },
      { id: Number(sent), direction: 'outgoing', channel: 'Email', incomingKind: null, subject: 'Hello', status: 'performed', at: '1970-01-01T00:00:01.000Z' },
    ]);
    expect((await getLead(leadIdByEmail('grace@navy.mil'))).activity).toEqual([]);
  });

  it('shows a company with its lead count, first leads, provenance and history, and edits it by hand', async () => {
    const companyId = (await getLead(ada)).companyId as number;
    const res = await t.api(`/api/v1/companies/${companyId}`);
    expect(res.status).toBe(200);
    const company = (await res.json()) as CompanyDetail;
    expect(company).toMatchObject({ name: 'Engines', domain: 'engines.io', leadCount: 1, leads: [{ id: ada, firstName: 'Ada' }] });
    expect(company.provenance.name).toMatchObject({ sourceKind: 'import', label: 'Import people.csv' });

    const edited = await post(`/companies/${companyId}`, { industry: 'Computing', headcount: 12, name: '' });
    expect(edited.status).toBe(200);
    const after = (await edited.json()) as CompanyDetail;
    expect(after).toMatchObject({ industry: 'Computing', headcount: 12, name: null });
    expect(after.provenance.industry).toMatchObject({ sourceKind: 'person' });
    expect(after.history[0]).toMatchObject({ action: 'update', label: 'Manual edit' });

    const navy = (t.core.services.store.sqlite.prepare("SELECT id FROM companies WHERE domain = 'navy.mil'").get() as { id: number }).id;
    const taken = await post(`/companies/${companyId}`, { domain: 'https://www.navy.mil/about' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.message).toBe(`domain: company ${navy} already has this domain`);
    expect((await post(`/companies/${companyId}`, { email: 'nope' })).status).toBe(400);
    expect((await t.api('/api/v1/companies/999999')).status).toBe(404);
  });
});
