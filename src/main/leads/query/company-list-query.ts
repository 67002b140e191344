import type { CompaniesListInput, CompaniesPage, CompanySummary } from '../../../shared/contract/schemas/company-list';
import type { CompanyFilter, CompanySort } from '../../../shared/contract/schemas/lead-filter';
import { toIso } from '../../../shared/iso-time';
import { compileCompanyFilter } from './company-filter-sql';
import { keysetPage, type SortColumn } from './keyset-page';
import type { SearchHitsCache } from './search-hits';
import type { StatementCache } from './statement-cache';
import { tagChips } from './tag-chips';

// Every company sort column has a `… WHERE deleted_at IS NULL` index (migration 10).
const SORTS: Record<CompanySort['field'], SortColumn> = {
  created: { sql: 'c.created_at', kind: 'number', nullable: false, indexed: true },
  updated: { sql: 'c.updated_at', kind: 'number', nullable: false, indexed: true },
  name: { sql: 'c.name', kind: 'text', nullable: true, indexed: true },
  domain: { sql: 'c.domain', kind: 'text', nullable: true, indexed: true },
  headcount: { sql: 'c.headcount', kind: 'number', nullable: true, indexed: true },
  revenue: { sql: 'c.revenue', kind: 'number', nullable: true, indexed: true },
  industry: { sql: 'c.industry', kind: 'text', nullable: true, indexed: true },
  country: { sql: 'c.country', kind: 'text', nullable: true, indexed: true },
};

// The lead count is a correlated subquery so it runs only for the page's rows (leads_company index).
const SELECT = `c.name, c.domain, c.industry, c.headcount, c.revenue, c.country, c.location, c.created_at, c.updated_at,
(SELECT count(*) FROM leads lc WHERE lc.company_id = c.id AND lc.deleted_at IS NULL) AS lead_count`;

interface Row {
  id: number;
  sort_value: string | number | null;
  name: string | null;
  domain: string | null;
  industry: string | null;
  headcount: number | null;
  revenue: number | null;
  country: string | null;
  location: string | null;
  lead_count: number;
  created_at: number;
  updated_at: number;
}

/** One page of the companies matching a filter, in a sort order, with tag chips (the caller adds the total). */
export function companyListPage(cache: StatementCache, searches: SearchHitsCache, input: CompaniesListInput): Omit<CompaniesPage, 'total'> {
  const { search, ...rest } = input.filter ?? {};
  const filter = compileCompanyFilter(rest);
  const sort = SORTS[input.sort.field];
  const { rows, nextCursor } = keysetPage<Row>(cache, {
    select: SELECT,
    filter,
    baseTable: 'companies c',
    idColumn: 'c.id',
    sortKey: `companies:${input.sort.field}:${input.sort.direction}`,
    sort,
    hits: searches.get('companies_fts', search),
    direction: input.sort.direction,
    limit: input.limit,
    after: input.after,
  });
  const tags = tagChips(
    cache,
    'company',
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toSummary(r, tags.get(r.id) ?? [])),
    nextCursor,
  };
}

/** How many live companies match a filter. */
export function companyCount(cache: StatementCache, filter: CompanyFilter): number {
  const f = compileCompanyFilter(filter);
  return (cache.get(`SELECT count(*) AS n FROM ${f.from} WHERE ${f.where}`).get(...f.params) as { n: number }).n;
}

const toSummary = (r: Row, tags: CompanySummary['tags']): CompanySummary => ({
  id: r.id,
  name: r.name,
  domain: r.domain,
  industry: r.industry,
  headcount: r.headcount,
  revenue: r.revenue,
  country: r.country,
  location: r.location,
  leadCount: r.lead_count,
  tags,
  createdAt: toIso(r.created_at),
  updatedAt: toIso(r.updated_at),
});
