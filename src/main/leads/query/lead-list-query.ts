import type { LeadFilter, LeadSort } from '../../../shared/contract/schemas/lead-filter';
import type { LeadsListInput, LeadsPage, LeadSummary } from '../../../shared/contract/schemas/leads';
import { toIso } from '../../../shared/iso-time';
import { keysetPage, type SortColumn } from './keyset-page';
import { compileLeadFilter } from './lead-filter-sql';
import type { SearchHitsCache } from './search-hits';
import type { StatementCache } from './statement-cache';
import { tagChips } from './tag-chips';

const text = (sql: string): SortColumn => ({ sql, kind: 'text', nullable: true, indexed: true });

// Every lead sort column has a `… WHERE deleted_at IS NULL` index (migration 10) except the company's name.
const SORTS: Record<LeadSort['field'], SortColumn> = {
  created: { sql: 'l.created_at', kind: 'number', nullable: false, indexed: true },
  updated: { sql: 'l.updated_at', kind: 'number', nullable: false, indexed: true },
  lastName: text('l.last_name'),
  firstName: text('l.first_name'),
  email: text('l.email'),
  company: { sql: 'c.name', kind: 'text', nullable: true, indexed: false },
  jobTitle: text('l.job_title'),
  country: text('l.country'),
};

const SELECT = `l.first_name, l.last_name, l.job_title, l.email, l.email_verification, l.phone, l.linkedin_url,
l.company_id, c.name AS company_name, l.country, l.location, l.created_at, l.updated_at`;

interface Row {
  id: number;
  sort_value: string | number | null;
  first_name: string | null;
  last_name: string | null;
  job_title: string | null;
  email: string | null;
  email_verification: string | null;
  phone: string | null;
  linkedin_url: string | null;
  company_id: number | null;
  company_name: string | null;
  country: string | null;
  location: string | null;
  created_at: number;
  updated_at: number;
}

/** One page of the leads matching a filter, in a sort order, with tag chips (the caller adds the total). */
export function leadListPage(cache: StatementCache, searches: SearchHitsCache, input: LeadsListInput): Omit<LeadsPage, 'total'> {
  const { search, ...rest } = input.filter ?? {};
  const filter = compileLeadFilter(rest);
  const sort = SORTS[input.sort.field];
  const { rows, nextCursor } = keysetPage<Row>(cache, {
    select: SELECT,
    filter,
    baseTable: 'leads l',
    idColumn: 'l.id',
    sortKey: `leads:${input.sort.field}:${input.sort.direction}`,
    sort,
    hits: searches.get('leads_fts', search),
    direction: input.sort.direction,
    limit: input.limit,
    after: input.after,
  });
  const tags = tagChips(
    cache,
    'lead',
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toSummary(r, tags.get(r.id) ?? [])),
    nextCursor,
  };
}

/** How many live leads match a filter. */
export function leadCount(cache: StatementCache, filter: LeadFilter): number {
  const f = compileLeadFilter(filter);
  // SQLite keeps the LEFT JOIN in a count even when nothing reads the company: a lookup per counted lead.
  const from = /\bc\./.test(f.where) ? f.from : 'leads l';
  return (cache.get(`SELECT count(*) AS n FROM ${from} WHERE ${f.where}`).get(...f.params) as { n: number }).n;
}

const toSummary = (r: Row, tags: LeadSummary['tags']): LeadSummary => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  jobTitle: r.job_title,
  email: r.email,
  emailVerification: r.email_verification,
  phone: r.phone,
  linkedinUrl: r.linkedin_url,
  companyId: r.company_id,
  companyName: r.company_name,
  country: r.country,
  location: r.location,
  tags,
  createdAt: toIso(r.created_at),
  updatedAt: toIso(r.updated_at),
});
