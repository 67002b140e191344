import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../src/shared/contract/schemas/imports';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t.stop());

const b64 = (text: string) => Buffer.from(text).toString('base64');
const post = (path: string, body: unknown) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });

async function waitForImport(id: number, status: ImportSummary['status']): Promise<ImportSummary> {
  for (;;) {
    const list = (await (await t.api('/api/v1/imports')).json()) as { items: ImportSummary[] };
    const found = list.items.find((i) => i.id === id);
    if (found?.status === status) return found;
    if (found?.status === 'failed') throw new Error(`import failed: ${found.error}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const CSV = 'First Name,Last Name,Email,Company,Website\nAda,Lovelace,ada@engines.io,Engines,engines.io\nGrace,Hopper,grace@navy.mil,Navy,navy.mil\nNo,Email,,,\n,,,Nameless Co,\n';

describe('imports over the API', () => {
  it('previews a sample: format, columns, first rows and a suggested mapping', async () => {
    const res = await post('/imports/preview', { fileName: 'people.csv', sample: b64(CSV) });
    expect(res.status).toBe(200);
    const preview = await res.json();
    expect(preview.format).toEqual({ encoding: 'utf-8', delimiter: ',', header: true });
    expect(preview.columns).toEqual(['First Name', 'Last Name', 'Email', 'Company', 'Website']);
    expect(preview.rows[0]).toEqual(['Ada', 'Lovelace', 'ada@engines.io', 'Engines', 'engines.io']);
    expect(preview.mapping).toEqual(['firstName', 'lastName', 'email', 'company.name', 'company.domain']);
  });

  it('imports a file in the background, tags the leads, lists rejected rows, and undoes it', async () => {
    const mapping = ['firstName', 'lastName', 'email', 'company.name', 'company.domain'];
    const created = await post('/imports', { fileName: 'people.csv', content: b64(CSV), mapping, tagName: 'Conference' });
    expect(created.status).toBe(200);
    const { id } = await created.json();
    const done = await waitForImport(id, 'done');
    expect(done).toMatchObject({ rowsStaged: 4, inserted: 3, rejected: 1 });
    const leads = await (await t.api('/api/v1/leads')).json();
    expect(leads.total).toBe(3);
    const rejected = await (await t.api(`/api/v1/imports/${id}/rows?outcome=rejected`)).json();
    expect(rejected.items).toEqual([{ line: 5, outcome: 'rejected', reason: 'line 5: no email, LinkedIn URL, Facebook URL or name', cells: ['', '', '', 'Nameless Co', ''] }]);
    const tagged = t.core.services.store.sqlite.prepare("SELECT count(*) AS n FROM tag_links JOIN tags ON tags.id = tag_links.tag_id WHERE tags.name = 'Conference'").get() as { n: number };
    expect(tagged.n).toBe(3);

    const undone = await post(`/imports/${id}/undo`, {});
    expect(undone.status).toBe(200);
    expect((await undone.json()).status).toBe('undone');
    expect((await (await t.api('/api/v1/leads')).json()).total).toBe(0);
    const again = await post(`/imports/${id}/undo`, {});
    expect(again.status).toBe(409);
  });

  it('refuses a bad mapping and bad base64, naming the field', async () => {
    const badTarget = await post('/imports', { fileName: 'x.csv', content: b64(CSV), mapping: ['email', 'password'] });
    expect(badTarget.status).toBe(400);
    expect((await badTarget.json()).error.issues[0].path).toBe('mapping.1');
    const badContent = await post('/imports', { fileName: 'x.csv', content: '%%%', mapping: ['email'] });
    expect((await badContent.json()).error.issues[0].path).toBe('content');
    const unknownField = await post('/imports', { fileName: 'x.csv', content: b64(CSV), mapping: ['email', 'custom:999999'] });
    expect(unknownField.status).toBe(400);
    expect((await unknownField.json()).error.issues[0]).toEqual({ path: 'mapping.1', message: 'no lead custom field has id 999999' });
  });

  it('offers the custom fields in a preview and maps a column named like one', async () => {
    const sqlite = t.core.services.store.sqlite;
    const seats = Number(sqlite.prepare("INSERT INTO custom_fields (target_kind, name, type, created_at, updated_at) VALUES ('lead', 'Seats', 'integer', 0, 0)").run().lastInsertRowid);
    const res = await post('/imports/preview', { fileName: 'people.csv', sample: b64('Email,Seats\nada@x.io,12\n') });
    const preview = await res.json();
    expect(preview.mapping).toEqual(['email', `custom:${seats}`]);
    expect(preview.customFields).toContainEqual({ id: seats, kind: 'lead', name: 'Seats', type: 'integer', target: `custom:${seats}` });
  });

  it('refuses a file that is not CSV at preview and at create, saying what it looks like', async () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]).toString('base64');
    const preview = await post('/imports/preview', { fileName: 'people.xlsx', sample: xlsx });
    expect(preview.status).toBe(400);
    const message = 'the file is not CSV text: it looks like an Excel workbook (.xlsx) or another zip archive; export or save it as CSV and import that file';
    expect((await preview.json()).error.issues[0]).toEqual({ path: 'sample', message });
    const created = await post('/imports', { fileName: 'people.xlsx', content: xlsx, mapping: ['email'] });
    expect(created.status).toBe(400);
    expect((await created.json()).error.issues[0]).toEqual({ path: 'content', message });
  });

  it('records pasted text as a pasted import, and a file by default', async () => {
    const mapping = ['firstName', 'lastName', 'email', 'company.name', 'company.domain'];
    const pasted = (await (await post('/imports', { fileName: 'pasted.csv', content: b64(CSV), mapping, origin: 'paste' })).json()) as ImportSummary;
    const file = (await (await post('/imports', { fileName: 'people.csv', content: b64(CSV), mapping })).json()) as ImportSummary;
    const originOf = (id: number) => (t.core.services.store.sqlite.prepare('SELECT origin FROM imports WHERE id = ?').get(id) as { origin: string }).origin;
    expect([originOf(pasted.id), originOf(file.id)]).toEqual(['paste', 'file']);
    const refused = await post('/imports', { fileName: 'x.csv', content: b64(CSV), mapping, origin: 'clipboard' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.issues[0].path).toBe('origin');
  });
});
