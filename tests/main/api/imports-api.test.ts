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
  });
});
