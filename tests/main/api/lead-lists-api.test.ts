import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompaniesPage } from '../../../src/shared/contract/schemas/company-list';
import type { LeadFilter } from '../../../src/shared/contract/schemas/lead-filter';
import type { LeadsPage } from '../../../src/shared/contract/schemas/leads';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
let acme: number;
beforeAll(async () => {
  t = await startTestCore();
  const db = t.core.services.store.sqlite;
  acme = Number(db.prepare("INSERT INTO companies (name, industry, headcount, created_at, updated_at) VALUES ('Acme Robotics', 'Software', 40, 1, 1)").run().lastInsertRowid);
  const lead = db.prepare('INSERT INTO leads (first_name, last_name, email, country, company_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  lead.run('José', 'Núñez', 'jose@acme.io', 'FR', acme, 1000, 1000);
  lead.run('Ada', 'Lovelace', 'ada@acme.io', 'GB', acme, 2000, 2000);
  lead.run('Grace', 'Hopper', null, 'fr', null, 3000, 3000);
  lead.run('Alan', null, 'alan@x.io', 'FR', null, 4000, 4000);
});
afterAll(() => t.stop());

const query = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
const get = async <T>(path: string, params: Record<string, unknown> = {}): Promise<{ status: number; body: T }> => {
  const res = await t.api(`/api/v1${path}?${query(params)}`);
  return { status: res.status, body: (await res.json()) as T };
};
const names = (page: LeadsPage) => page.items.map((l) => l.firstName);

describe('lead lists over HTTP', () => {
  it('lists leads newest first with the total on the first page by default', async () => {
    const { status, body } = await get<LeadsPage>('/leads');
    expect(status).toBe(200);
    expect(names(body)).toEqual(['Alan', 'Grace', 'Ada', 'José']);
    expect(body).toMatchObject({ total: 4, nextCursor: null });
    expect(body.items[2]).toMatchObject({ companyName: 'Acme Robotics', tags: [], updatedAt: '1970-01-01T00:00:02.000Z' });
  });

  it('takes the filter and sort as JSON in the query string and pages with the opaque cursor', async () => {
    const filter: LeadFilter = { countries: ['fr'], hasEmail: 'yes' };
    const sort = { field: 'lastName', direction: 'asc' };
    const first = await get<LeadsPage>('/leads', { filter, sort, limit: 1 });
    expect(first.status).toBe(200);
    expect(names(first.body)).toEqual(['José']);
    expect(first.body.total).toBe(2);
    expect(typeof first.body.nextCursor).toBe('string');
    const second = await get<LeadsPage>('/leads', { filter, sort, limit: 1, after: first.body.nextCursor });
    expect(names(second.body)).toEqual(['Alan']);
    expect(second.body).toMatchObject({ total: null, nextCursor: null });
  });

  it('searches names and company names, ignoring accents, with the last word as a prefix', async () => {
    expect(names((await get<LeadsPage>('/leads', { filter: { search: 'nunez' } })).body)).toEqual(['José']);
    expect(names((await get<LeadsPage>('/leads', { filter: { search: 'acme rob' }, sort: { field: 'firstName', direction: 'asc' } })).body)).toEqual(['Ada', 'José']);
    expect((await get<LeadsPage>('/leads', { filter: { search: '"NEAR(* -' } })).status).toBe(200);
  });

  it('counts leads and companies matching a filter', async () => {
    expect((await get<{ total: number }>('/leads/count', { filter: { companyId: acme } })).body).toEqual({ total: 2 });
    expect((await get<{ total: number }>('/leads/count')).body).toEqual({ total: 4 });
    expect((await get<{ total: number }>('/companies/count', { filter: { industries: ['software'] } })).body).toEqual({ total: 1 });
  });

  it('lists companies with their lead counts', async () => {
    const { status, body } = await get<CompaniesPage>('/companies', { filter: { headcountMin: 10 }, sort: { field: 'name', direction: 'asc' } });
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.items).toEqual([expect.objectContaining({ id: acme, name: 'Acme Robotics', industry: 'Software', headcount: 40, leadCount: 2, tags: [] })]);
  });

  it('answers 400 naming the field for a malformed cursor, filter or sort', async () => {
    const cursor = await get<{ error: { code: string; message: string } }>('/leads', { after: 'not-a-cursor' });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.message).toMatch(/^after: /);
    const otherSort = (await get<LeadsPage>('/leads', { limit: 1 })).body.nextCursor;
    const misused = await get<{ error: { message: string } }>('/companies', { after: otherSort });
    expect(misused.status).toBe(400);
    expect(misused.body.error.message).toMatch(/^after: /);
    const filter = await t.api('/api/v1/leads?filter=%7Bnot-json');
    expect(filter.status).toBe(400);
    expect(JSON.stringify(await filter.json())).toContain('filter');
    const unknown = await get<{ error: { message: string } }>('/leads', { filter: { colour: 'red' } });
    expect(unknown.status).toBe(400);
    const sort = await get<{ error: { message: string } }>('/leads', { sort: { field: 'salary', direction: 'asc' } });
    expect(sort.status).toBe(400);
    expect(JSON.stringify(sort.body)).toContain('sort');
  });
});
