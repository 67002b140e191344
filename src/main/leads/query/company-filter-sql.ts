import type { CompanyFilter } from '../../../shared/contract/schemas/lead-filter';
import { toMatchExpression } from './fts-match';
import type { CompiledFilter } from './lead-filter-sql';
import { SqlConditions } from './sql-conditions';

/** Companies (alias `c`); the alias is part of the interface. */
export const COMPANIES_FROM = 'companies c';

/** Compiles a company filter to raw SQL for better-sqlite3; values are always bound, never spliced. Live companies only. */
export function compileCompanyFilter(filter: CompanyFilter): CompiledFilter {
  const w = new SqlConditions();
  w.add('c.deleted_at IS NULL');
  const match = toMatchExpression(filter.search);
  if (match !== null) w.add('c.id IN (SELECT rowid FROM companies_fts WHERE companies_fts MATCH ?)', match);
  w.tags('company', 'c.id', filter.tagsInclude, filter.tagsExclude);
  w.presence('c.domain', filter.hasDomain);
  w.presence('c.phone', filter.hasPhone);
  w.presence('c.linkedin_url', filter.hasLinkedin);
  w.presence('c.facebook_url', filter.hasFacebook);
  w.anyOfNoCase('c.country', filter.countries);
  w.containsAny('c.location', filter.locationKeywords);
  w.anyOfNoCase('c.industry', filter.industries);
  w.range('c.headcount', filter.headcountMin, filter.headcountMax);
  w.range('c.revenue', filter.revenueMin, filter.revenueMax);
  w.timeRange('c.created_at', filter.createdFrom, filter.createdTo);
  return { from: COMPANIES_FROM, where: w.toSql(), params: w.params };
}
