import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkOperation } from '../../../src/shared/contract/schemas/bulk';
import type { ImportSummary } from '../../../src/shared/contract/schemas/imports';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { insertLeads, insertTag, tagLeads } from '../bulk/seed-leads';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
}, 60_000);
afterAll(() => t.stop(), 60_000);

const post = (path: string, body: unknown) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });

async function settled(id: number): Promise<BulkOperation> {
  for (;;) {
    const op = (await (await t.api(`/api/v1/bulk/${id}`)).json()) as BulkOperation;
    if (op.status !== 'pending' && op.status !== 'running') return op;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function exportOf(body: Record<string, unknown>): Promise<BulkOperation> {
  const res = await post('/bulk', { kind: 'export', ...body });
  expect(res.status).toBe(200);
  return settled(((await res.json()) as BulkOperation).id);
}

// Response.text() would drop the byte order mark, so read the bytes.
const parse = async (res: Response) => {
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};

describe('CSV export of a filter', { timeout: 120_000 }, () => {
  let leads: number[];
  let bTag: number;
  beforeAll(() => {
    const sqlite = t.core.services.store.sqlite;
    const at = Date.UTC(2026, 0, 1);
    const company = Number(
      sqlite
        .prepare("INSERT INTO companies (name, domain, headcount, industry, created_at, updated_at) VALUES ('Acme, \"Inc\"', 'acme.io', 120, 'Software', ?, ?)")
        .run(at, at).lastInsertRowid,
    );
    leads = insertLeads(sqlite, [
      { first_name: 'Zoë', last_name: 'O"Neil', job_title: 'Head of\nSales, EMEA', email: 'zoe@acme.io', location: 'Zürich, CH', company_id: company },
      { first_name: '李', last_name: 'Wei', job_title: '=HYPERLINK("http://evil")', email: 'li@example.cn', phone: '+33 1 23 45' },
      { first_name: 'Outside', email: 'nobody@else.org' },
    ]);
    bTag = insertTag(sqlite, 'B tag');
    tagLeads(sqlite, bTag, leads.slice(0, 2));
    tagLeads(sqlite, insertTag(sqlite, 'A tag'), leads.slice(0, 1));
    const field = (kind: string, name: string, type: string) =>
      Number(sqlite.prepare('INSERT INTO custom_fields (target_kind, name, type, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(kind, name, type, at, at).lastInsertRowid);
    const value = sqlite.prepare('INSERT INTO custom_field_values (target_kind, target_id, field_id, value) VALUES (?, ?, ?, ?)');
    value.run('lead', leads[0], field('lead', 'Score', 'integer'), 42);
    value.run('lead', leads[1], field('lead', 'Opted In', 'boolean'), 1);
    value.run('company', company, field('company', 'Stage', 'string'), 'Série A');
  });

  it('writes every column of the matching leads, and the file parses back to the same values', async () => {
    const op = await exportOf({ filter: { tagsInclude: [bTag] } });
    expect(op).toMatchObject({ status: 'performed', total: 2, done: 2, downloadPath: `/api/v1/exports/${op.exportId}/file` });
    const res = await t.api(op.downloadPath ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="outpost-leads-${op.exportId}.csv"`);
    const [header, ...rows] = await parse(res);
    expect(header).toEqual([
      'ID', 'First Name', 'Middle Name', 'Last Name', 'Job Title', 'Email', 'Email Verification', 'Phone', 'LinkedIn URL', 'LinkedIn Alternative URL',
      'Facebook URL', 'Facebook Alternative URL', 'Country', 'Location', 'Timezone', 'Picture URL', 'Created At', 'Updated At', 'Company Name',
      'Company Domain', 'Company Email', 'Company Phone', 'Company LinkedIn', 'Company Facebook', 'Headcount', 'Revenue', 'Industry',
      'Company Country', 'Company Location', 'Company Timezone', 'Tags', 'Score', 'Opted In', 'Company Stage',
    ]);
    const byLabel = rows.map((row) => Object.fromEntries(header?.map((label, i) => [label, row[i]]) ?? []));
    expect(byLabel).toHaveLength(2);
    expect(byLabel[0]).toMatchObject({
      ID: String(leads[0]),
      'First Name': 'Zoë',
      'Last Name': 'O"Neil',
      'Job Title': 'Head of\nSales, EMEA',
      Location: 'Zürich, CH',
      'Company Name': 'Acme, "Inc"',
      'Company Domain': 'acme.io',
      Headcount: '120',
      Industry: 'Software',
      Tags: 'A tag;B tag',
      Score: '42',
      'Opted In': '',
      'Company Stage': 'Série A',
      'Created At': '2026-01-01T00:00:00.000Z',
    });
    // A cell a spreadsheet would run as a formula is defused; a phone number starting with + is not.
    expect(byLabel[1]).toMatchObject({ 'First Name': '李', 'Job Title': `'=HYPERLINK("http://evil")`, Phone: '+33 1 23 45', Tags: 'B tag', 'Opted In': 'yes', 'Company Name': '' });
  });

  it('exports only the chosen columns, in the order given', async () => {
    const op = await exportOf({ filter: {}, columns: ['email', 'CUSTOM:score', 'tags'] });
    const [header, ...rows] = await parse(await t.api(op.downloadPath ?? ''));
    expect(header).toEqual(['Email', 'Score', 'Tags']);
    expect(rows).toEqual([
      ['zoe@acme.io', '42', 'A tag;B tag'],
      ['li@example.cn', '', 'B tag'],
      ['nobody@else.org', '', ''],
    ]);
  });

  it('refuses the download without a valid key or session, and for an unknown export', async () => {
    const op = await exportOf({ filter: {} });
    const path = op.downloadPath ?? '';
    expect((await fetch(t.origin + path)).status).toBe(401);
    expect((await t.api(path, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await t.api('/api/v1/exports/9999/file')).status).toBe(404);
    expect((await t.api('/api/v1/exports/abc/file')).status).toBe(400);
  });
});

describe("an import's rejected rows as CSV", { timeout: 120_000 }, () => {
  const CSV = 'First Name,Last Name,Email,Company\nAda,Lovelace,ada@engines.io,Engines\n,,,"Nameless, Co"\nGrace,Hopper,grace@navy.mil,Navy\n,,,Ünnamed\n';

  async function imported(fileName: string, csv: string, options: Record<string, unknown> = {}): Promise<number> {
    const created = await post('/imports', { fileName, content: Buffer.from(csv).toString('base64'), options, mapping: ['firstName', 'lastName', 'email', 'company.name'] });
    const { id } = (await created.json()) as ImportSummary;
    for (;;) {
      const list = (await (await t.api('/api/v1/imports')).json()) as { items: ImportSummary[] };
      if (list.items.find((i) => i.id === id)?.status === 'done') return id;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('downloads line, reason and the original cells under the original header', async () => {
    const id = await imported('people list.csv', CSV);
    const res = await t.api(`/api/v1/imports/${id}/rejected.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="people_list-rejected.csv"');
    expect(await parse(res)).toEqual([
      ['line', 'reason', 'First Name', 'Last Name', 'Email', 'Company'],
      ['3', 'line 3: no email, LinkedIn URL, Facebook URL or name', '', '', '', 'Nameless, Co'],
      ['5', 'line 5: no email, LinkedIn URL, Facebook URL or name', '', '', '', 'Ünnamed'],
    ]);
    expect((await fetch(`${t.origin}/api/v1/imports/${id}/rejected.csv`)).status).toBe(401);
    expect((await t.api('/api/v1/imports/9999/rejected.csv')).status).toBe(404);
  });

  it('names the columns "Column N" when the file had no header row', async () => {
    const id = await imported('plain.csv', 'Ada,Lovelace,ada@engines.io,Engines\n,,,Nobody\n', { header: false });
    expect(await parse(await t.api(`/api/v1/imports/${id}/rejected.csv`))).toEqual([
      ['line', 'reason', 'Column 1', 'Column 2', 'Column 3', 'Column 4'],
      ['2', 'line 2: no email, LinkedIn URL, Facebook URL or name', '', '', '', 'Nobody'],
    ]);
  });
});
