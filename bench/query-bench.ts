import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { CompaniesRepo } from '../src/main/store/repos/companies-repo';
import { flushSearchIndex } from '../src/main/leads/search-index';
import { leadCount } from '../src/main/leads/query/lead-list-query';
import { StatementCache } from '../src/main/leads/query/statement-cache';
import { LeadsRepo } from '../src/main/store/repos/leads-repo';
import { openStore, type Store } from '../src/main/store/store';
import type { LeadFilter, LeadSort } from '../src/shared/contract/schemas/lead-filter';
import { report } from './measure';

const LEADS = Number(process.env.BENCH_QUERY_LEADS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 50);

const FIRSTS = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'José', 'Zoë', 'Björn', 'Chloé', 'Anaïs', 'Marta', 'Hiro', 'Priya'];
const LASTS = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Núñez', 'Müller', 'Øster', 'Dubois', 'Rossi', 'Tanaka', 'Singh', 'Kowalski'];
const TITLES = ['Head of Sales', 'CEO', 'CTO', 'Marketing Manager', 'Account Executive', 'Software Engineer', 'Founder', 'VP Growth', 'Intern'];
const COUNTRIES = ['FR', 'DE', 'US', 'GB', 'ES', 'IT', 'NL', 'BE', 'CH', 'SE', 'PL', 'PT', 'IE', 'DK', 'NO', 'FI', 'AT', 'CZ', 'CA', 'JP'];
const INDUSTRIES = ['Software', 'Retail', 'Banking', 'Logistics', 'Healthcare', 'Media', 'Energy', 'Education'];

/** Deterministic pseudo-random sequence so every run builds the same database. */
const rng = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);

/** Raw inserts through the migrated schema (its FTS triggers included): leads with 1 company per 20, some fields missing. */
export function fill(db: Database, leads: number): void {
  const r = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const companies = Math.max(1, Math.floor(leads / 20));
  const company = db.prepare('INSERT INTO companies (name, domain, industry, headcount, revenue, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const lead = db.prepare(
    'INSERT INTO leads (first_name, last_name, email, email_norm, job_title, phone, country, company_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 1; i <= companies; i++) company.run(`${pick(LASTS)} ${pick(INDUSTRIES)} ${i}`, `company${i}.example`, pick(INDUSTRIES), Math.floor(r() * 5000), Math.floor(r() * 1e8), pick(COUNTRIES), i, i);
  })();
  const batch = 50_000;
  for (let start = 1; start <= leads; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(start + batch, leads + 1); i++) {
        const first = pick(FIRSTS);
        const last = r() < 0.05 ? null : pick(LASTS);
        const email = r() < 0.2 ? null : `${first}.${last ?? 'x'}.${i}@mail${i % 997}.example`.toLowerCase();
        const created = 1_700_000_000_000 + i * 1000;
        lead.run(first, last, email, email, pick(TITLES), r() < 0.5 ? null : `+33 1 ${i}`, r() < 0.03 ? null : pick(COUNTRIES), 1 + (i % companies), created, created);
      }
    })();
  }
}

/** p50 and p95 wall time in milliseconds of `runs` calls (after one warm-up call). */
function percentiles(runs: number, fn: (i: number) => void): { p50: number; p95: number } {
  fn(0);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

function line(name: string, t: { p50: number; p95: number }, baseline: { p50: number; p95: number }): void {
  report(`${name} p50`, t.p50, 'ms', { name: 'raw page p50', value: baseline.p50 });
  report(`${name} p95`, t.p95, 'ms', { name: 'raw page p95', value: baseline.p95 });
}

/** The timed queries on a filled store, each against a raw SQL page on the same database. */
export function measureQueries(store: Store): void {
  const leads = new LeadsRepo(store.sqlite);
  const companies = new CompaniesRepo(store.sqlite);
  const rawPage = store.sqlite.prepare('SELECT * FROM leads WHERE deleted_at IS NULL AND id > ? ORDER BY id LIMIT 100');
  const baseline = percentiles(RUNS, (i) => rawPage.all(i * 1000));
  report('raw SQL page of 100 by id p50', baseline.p50, 'ms');
  report('raw SQL page of 100 by id p95', baseline.p95, 'ms');

  const statements = new StatementCache(store.sqlite);
  // Counts straight from SQL: the repo's count cache would answer a repeated filter from memory.
  const uncachedCount = (filter: LeadFilter) => leadCount(statements, filter);
  const twoFilters: LeadFilter = { hasEmail: 'yes', countries: ['fr', 'de'] };
  const byLastName: LeadSort = { field: 'lastName', direction: 'asc' };
  line('2 filters + lastName sort, first page', percentiles(RUNS, () => leads.list({ filter: twoFilters, sort: byLastName, limit: 100, total: 'none' })), baseline);
  // Walk forward through the first pages, then time continuing from cursors spread over the walk.
  const cursors: string[] = [];
  let after: string | undefined;
  for (let i = 0; i < 200; i++) {
    const page = leads.list({ filter: twoFilters, sort: byLastName, limit: 100, after });
    if (page.nextCursor === null) break;
    cursors.push((after = page.nextCursor));
  }
  line('2 filters + lastName sort, next pages', percentiles(RUNS, (i) => leads.list({ filter: twoFilters, sort: byLastName, limit: 100, after: cursors[i % cursors.length] })), baseline);
  const desc: LeadSort = { field: 'country', direction: 'desc' };
  line('2 filters + country desc, first page', percentiles(RUNS, () => leads.list({ filter: { hasPhone: 'yes', titleInclude: ['sales'] }, sort: desc, limit: 100, total: 'none' })), baseline);

  const searches = ['lov', 'jose nunez', 'müller head', 'turing software', 'chlo', 'ada.lovelace'];
  const newest: LeadSort = { field: 'created', direction: 'desc' };
  const search = (i: number): LeadFilter => ({ search: searches[i % searches.length] });
  line('search, first page (newest first)', percentiles(RUNS, (i) => leads.list({ filter: search(i), sort: newest, limit: 100, total: 'none' })), baseline);
  const searchCursors = searches.map((_, i) => leads.list({ filter: search(i), sort: newest, limit: 100 }).nextCursor ?? undefined);
  line('search, next page', percentiles(RUNS, (i) => leads.list({ filter: search(i), sort: newest, limit: 100, after: searchCursors[i % searches.length] })), baseline);
  line('search + country, sorted by last name', percentiles(RUNS, (i) => leads.list({ filter: { ...search(i), countries: ['FR'] }, sort: byLastName, limit: 100, total: 'none' })), baseline);
  line('count: 2 filters (uncached)', percentiles(RUNS, () => uncachedCount(twoFilters)), baseline);
  line('count: search (uncached)', percentiles(RUNS, (i) => uncachedCount(search(i))), baseline);
  line('count: 2 filters, unchanged data (cached)', percentiles(RUNS, () => void leads.count(twoFilters)), baseline);
  line('companies by name, first page', percentiles(RUNS, () => companies.list({ filter: { industries: ['software'] }, sort: { field: 'name', direction: 'asc' }, limit: 100, total: 'none' })), baseline);
}

/**
 * Lead list queries on a generated database of BENCH_QUERY_LEADS leads (default 1,000,000): a page with two
 * filters and a sort (a first page and deep pages; the total is counted apart, as the screens ask for it), full-text
 * searches, exact counts, a company page,
 * each against a raw SQL page of the same size on the same database. BENCH_QUERY_DB=<file> keeps the generated
 * database there and reuses it on the next run.
 */
export function benchQuery(): void {
  const kept = process.env.BENCH_QUERY_DB;
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-query-'));
  const reuse = kept !== undefined && existsSync(kept);
  const store = openStore(kept ?? join(dir, 'outpost.db'));
  try {
    const started = process.hrtime.bigint();
    if (!reuse) fill(store.sqlite, LEADS);
    flushSearchIndex(store.sqlite);
    report(`${reuse ? 'reuse' : 'generate'} ${LEADS} leads (raw inserts + search index)`, Number(process.hrtime.bigint() - started) / 1e9, 's');
    // The app never runs ANALYZE itself, so first measure without statistics, then with them.
    console.log('without planner statistics:');
    measureQueries(store);
    store.sqlite.exec('ANALYZE');
    console.log('after ANALYZE:');
    measureQueries(store);
    if (kept !== undefined) store.sqlite.exec('DROP TABLE sqlite_stat1');
  } finally {
    void store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
