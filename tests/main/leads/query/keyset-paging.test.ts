import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/main/api/api-error';
import type { LeadFilter, LeadSort } from '../../../../src/shared/contract/schemas/lead-filter';
import type { LeadsPage } from '../../../../src/shared/contract/schemas/leads';
import { queryStore } from './query-store';

type Value = string | number | null;

const NAMES = ['adams', 'Adams', 'Baker', 'baker', 'Chen', null, 'de la Cruz', 'Zed', 'zed', null, 'emile'];
const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;

/** 150 leads whose sort columns repeat (ties), differ only in case, and are often NULL; every 31st is tagged. */
function seeded() {
  const s = queryStore();
  const companies = [s.addCompany({ name: 'Initech' }), s.addCompany({ name: 'acme' }), s.addCompany({ name: null }), s.addCompany({ name: 'Acme' })];
  const rare = s.addTag('rare');
  const rows: { id: number; values: Record<LeadSort['field'], Value>; rare: boolean }[] = [];
  for (let i = 0; i < 150; i++) {
    const values = {
      created: 1000 + (i % 7) * 10,
      updated: 5000 - (i % 4),
      lastName: pick(NAMES, i),
      firstName: pick(NAMES, i * 3 + 1),
      email: i % 5 === 0 ? null : `${pick(['b', 'A', 'c'], i)}${i % 9}@x.io`,
      company: null as Value,
      jobTitle: pick(['CEO', 'ceo', null, 'Analyst'], i),
      country: pick(['FR', 'fr', 'DE', null, 'US'], i),
    };
    const companyId = i % 6 === 0 ? null : pick(companies, i);
    const id = s.addLead({
      created_at: values.created,
      updated_at: values.updated,
      last_name: values.lastName,
      first_name: values.firstName,
      email: values.email,
      job_title: values.jobTitle,
      country: values.country,
      company_id: companyId,
    });
    values.company = companyId === null ? null : (s.sqlite.prepare('SELECT name FROM companies WHERE id = ?').get(companyId) as { name: string | null }).name;
    if (i % 31 === 3) s.tag(rare, 'lead', id);
    rows.push({ id, values, rare: i % 31 === 3 });
  }
  return { ...s, rows, rare };
}

/** The order the list promises: NULLs last either way, text case-insensitive, ties by id in the same direction. */
function expectedOrder(rows: { id: number; values: Record<LeadSort['field'], Value> }[], sort: LeadSort): number[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const key = (v: Value) => (typeof v === 'string' ? v.toLowerCase() : v);
  return [...rows]
    .sort((a, b) => {
      const x = key(a.values[sort.field]);
      const y = key(b.values[sort.field]);
      if (x === null && y !== null) return 1;
      if (y === null && x !== null) return -1;
      if (x !== null && y !== null && x !== y) return x < y ? -sign : sign;
      return (a.id - b.id) * sign;
    })
    .map((r) => r.id);
}

function walk(list: (after: string | undefined) => LeadsPage): { ids: number[]; pages: LeadsPage[] } {
  const pages: LeadsPage[] = [];
  let after: string | undefined;
  do {
    const page = list(after);
    pages.push(page);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined && pages.length < 1000);
  return { ids: pages.flatMap((p) => p.items.map((i) => i.id)), pages };
}

const FIELDS: LeadSort['field'][] = ['created', 'updated', 'lastName', 'firstName', 'email', 'company', 'jobTitle', 'country'];

describe('leads list keyset paging', () => {
  for (const field of FIELDS) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`pages through every lead exactly once sorted by ${field} ${direction}`, () => {
        const s = seeded();
        const sort = { field, direction };
        const { ids, pages } = walk((after) => s.leads.list({ sort, limit: 7, after }));
        expect(ids).toEqual(expectedOrder(s.rows, sort));
        expect(pages[0]?.total).toBe(150);
        expect(pages.slice(1).every((p) => p.total === null)).toBe(true);
        expect(pages.at(-1)?.nextCursor).toBeNull();
      });
    }
  }

  it('pages a selective filter (fewer matches than the look-ahead window finds) in order', () => {
    const s = seeded();
    const filter: LeadFilter = { tagsInclude: [s.rare] };
    for (const direction of ['asc', 'desc'] as const) {
      const sort: LeadSort = { field: 'lastName', direction };
      const { ids, pages } = walk((after) => s.leads.list({ filter, sort, limit: 2, after }));
      expect(ids).toEqual(expectedOrder(s.rows.filter((r) => r.rare), sort));
      expect(pages[0]?.total).toBe(5);
    }
  });

  it('pages a filter too rare for the index windows (the planner takes over) in order, NULLs last', () => {
    const s = queryStore();
    const rare = s.addTag('rare');
    const rows = s.sqlite.transaction(() =>
      Array.from({ length: 3000 }, (_, i) => {
        const lastName = i % 97 === 0 ? null : `n${(i * 37) % 50}`;
        const id = s.addLead({ last_name: lastName });
        if (i % 700 === 699 || i === 0) s.tag(rare, 'lead', id);
        return { id, values: { lastName } as Record<LeadSort['field'], Value>, rare: i % 700 === 699 || i === 0 };
      }),
    )();
    for (const direction of ['asc', 'desc'] as const) {
      const sort: LeadSort = { field: 'lastName', direction };
      const { ids } = walk((after) => s.leads.list({ filter: { tagsInclude: [rare] }, sort, limit: 1, after }));
      expect(ids).toEqual(expectedOrder(rows.filter((r) => r.rare), sort));
    }
  });

  it('pages a broad filter with a sort in order', () => {
    const s = seeded();
    const filter: LeadFilter = { countries: ['fr'], hasEmail: 'yes' };
    const sort: LeadSort = { field: 'firstName', direction: 'desc' };
    const { ids } = walk((after) => s.leads.list({ filter, sort, limit: 3, after }));
    const matching = s.rows.filter((r) => String(r.values.country).toLowerCase() === 'fr' && r.values.email !== null);
    expect(ids).toEqual(expectedOrder(matching, sort));
  });

  it('returns an empty first page with a zero total when nothing matches', () => {
    const s = seeded();
    expect(s.leads.list({ filter: { search: 'nobody' }, sort: { field: 'created', direction: 'desc' }, limit: 10 })).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('fills summaries with the company, contact fields and live tags fetched for the page', () => {
    const s = queryStore();
    const acme = s.addCompany({ name: 'Acme' });
    const ada = s.addLead({ first_name: 'Ada', phone: '+44', linkedin_url: 'li/ada', location: 'London', email_verification: 'valid', company_id: acme, created_at: 0, updated_at: 86_400_000 });
    const hot = s.addTag('Hot');
    const b = s.addTag('b-list');
    const old = s.addTag('old');
    s.tag(hot, 'lead', ada);
    s.tag(b, 'lead', ada);
    s.tag(old, 'lead', ada, true);
    s.tag(old, 'company', acme);
    const page = s.leads.list({ sort: { field: 'created', direction: 'desc' }, limit: 10 });
    expect(page.items).toEqual([
      {
        id: ada, firstName: 'Ada', lastName: null, jobTitle: null, email: null, emailVerification: 'valid', phone: '+44', linkedinUrl: 'li/ada',
        companyId: acme, companyName: 'Acme', country: null, location: 'London',
        tags: [{ id: b, name: 'b-list', color: '#112233' }, { id: hot, name: 'Hot', color: '#112233' }],
        createdAt: '1970-01-01T00:00:00.000Z', updatedAt: '1970-01-02T00:00:00.000Z',
      },
    ]);
  });

  it('refuses a tampered, foreign or malformed cursor with a 400 naming `after`', () => {
    const s = seeded();
    const sort: LeadSort = { field: 'lastName', direction: 'asc' };
    const cursor = s.leads.list({ sort, limit: 5 }).nextCursor as string;
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const bad = ['garbage!', 'e30', b64(['leads:lastName:asc', 'x']), b64(['leads:lastName:asc', 'x', -1]), b64(['leads:lastName:asc', 5, 1]), b64(['leads:lastName:asc', 'x', 1.5]), b64(['leads:created:asc', 'x', 1])];
    for (const after of bad) {
      let error: unknown;
      try {
        s.leads.list({ sort, limit: 5, after });
      } catch (e) {
        error = e;
      }
      expect(error, after).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).message).toMatch(/^after: /);
    }
    // The cursor of another sort is refused rather than silently misread.
    expect(() => s.leads.list({ sort: { field: 'lastName', direction: 'desc' }, limit: 5, after: cursor })).toThrow(/after: .*another sort/);
    expect(s.leads.list({ sort, limit: 5, after: cursor }).items).toHaveLength(5);
  });

  it('counts the leads matching a filter', async () => {
    const s = seeded();
    expect(await s.leads.count()).toBe(150);
    expect(await s.leads.count({ tagsInclude: [s.rare] })).toBe(5);
  });

  it('pages a search matching more rows than the sort walk needs, with another filter, in order and exactly once', () => {
    const s = queryStore();
    const leads = Array.from({ length: 16_000 }, (_, i) => ({
      first: i % 4 === 0 ? 'Bob' : 'Adaline',
      last: i % 13 === 0 ? null : `${i % 2 ? 'n' : 'N'}ame ${(i * 7919) % 16_000}`,
      country: pick(['FR', 'DE', 'fr'], i),
      deleted: i % 50 === 1 ? 5 : null,
    }));
    s.sqlite
      .prepare("INSERT INTO leads (first_name, last_name, country, deleted_at, created_at, updated_at) SELECT value->>'first', value->>'last', value->>'country', value->>'deleted', 1, 1 FROM json_each(?)")
      .run(JSON.stringify(leads));
    const ids = s.sqlite.prepare('SELECT id FROM leads ORDER BY id').pluck().all() as number[];
    const rows = leads.flatMap((l, i) =>
      l.first === 'Adaline' && l.country.toLowerCase() === 'fr' && l.deleted === null
        ? [{ id: ids[i] as number, values: { lastName: l.last, created: 1 } as Record<LeadSort['field'], Value> }]
        : [],
    );
    // 12,000 matches (soft-deleted ones included): the lists walk their sort index and test each window against them.
    for (const sort of [{ field: 'lastName', direction: 'asc' }, { field: 'lastName', direction: 'desc' }, { field: 'created', direction: 'desc' }] as const) {
      const { ids } = walk((after) => s.leads.list({ filter: { search: 'adal', countries: ['fr'] }, sort, limit: 250, after }));
      expect(ids).toEqual(expectedOrder(rows, sort));
    }
    // A write between pages is seen by the next page (the matches are read again).
    const newest = () => s.leads.list({ filter: { search: 'adal' }, sort: { field: 'created', direction: 'desc' }, limit: 5 });
    const before = newest();
    const renamed = before.items[0]?.id;
    const bob = (s.sqlite.prepare("SELECT max(id) AS id FROM leads WHERE first_name = 'Bob'").get() as { id: number }).id;
    s.sqlite.prepare("UPDATE leads SET first_name = 'Zed' WHERE id = ?").run(renamed);
    s.sqlite.prepare("UPDATE leads SET first_name = 'Adaline' WHERE id = ?").run(bob);
    const after = newest();
    expect(after.items.map((i) => i.id)).not.toContain(renamed);
    expect(after.items.map((i) => i.id)).toContain(bob);
    expect(after.total).toBe(before.total);
  }, 60_000);

  it('leaves the total to the count method when asked to', () => {
    const s = seeded();
    const page = s.leads.list({ sort: { field: 'created', direction: 'desc' }, limit: 10, total: 'none' });
    expect(page.items).toHaveLength(10);
    expect(page.total).toBeNull();
  });

  it('counts again after any write, from this connection or another', async () => {
    const s = seeded();
    const filter: LeadFilter = { tagsInclude: [s.rare] };
    expect(await s.leads.count(filter)).toBe(5);
    s.tag(s.rare, 'lead', s.addLead());
    expect(await s.leads.count(filter)).toBe(6);
    expect(s.leads.list({ filter, sort: { field: 'created', direction: 'desc' }, limit: 1 }).total).toBe(6);
    const other = new Database(s.sqlite.name);
    other.prepare("UPDATE tag_links SET removed_at = 9, removed_by_kind = 'person' WHERE target_id = (SELECT max(id) FROM leads)").run();
    other.close();
    expect(await s.leads.count(filter)).toBe(5);
    s.sqlite.prepare('UPDATE leads SET deleted_at = 9 WHERE id = (SELECT min(target_id) FROM tag_links WHERE tag_id = ?)').run(s.rare);
    expect(await s.leads.count(filter)).toBe(4);
  });
});

describe('companies list keyset paging', () => {
  it('pages through every company by headcount both ways with NULLs last, with lead counts and tags', () => {
    const s = queryStore();
    const ids: { id: number; headcount: number | null }[] = [];
    for (let i = 0; i < 40; i++) {
      const headcount = i % 4 === 0 ? null : (i * 7) % 5;
      ids.push({ id: s.addCompany({ name: `Co ${i}`, headcount }), headcount });
    }
    const first = ids[1]?.id as number;
    s.addLead({ company_id: first });
    s.addLead({ company_id: first });
    s.addLead({ company_id: first, deleted_at: 3 });
    s.tag(s.addTag('vip'), 'company', first);
    for (const direction of ['asc', 'desc'] as const) {
      const sign = direction === 'asc' ? 1 : -1;
      const expected = [...ids]
        .sort((a, b) => (a.headcount === null ? 1 : 0) - (b.headcount === null ? 1 : 0) || sign * ((a.headcount ?? 0) - (b.headcount ?? 0)) || sign * (a.id - b.id))
        .map((c) => c.id);
      const seen: number[] = [];
      let after: string | undefined;
      do {
        const page = s.companies.list({ sort: { field: 'headcount', direction }, limit: 6, after });
        seen.push(...page.items.map((c) => c.id));
        after = page.nextCursor ?? undefined;
      } while (after !== undefined);
      expect(seen).toEqual(expected);
    }
    // Only the last word is a prefix, so `1 co` is Co 1 alone where `co 1` would also find Co 10 to Co 19.
    const page = s.companies.list({ filter: { search: '1 co' }, sort: { field: 'name', direction: 'asc' }, limit: 1 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: first, name: 'Co 1', leadCount: 2, tags: [{ name: 'vip' }] });
  });
});
