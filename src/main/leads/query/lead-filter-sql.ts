import type { LeadFilter } from '../../../shared/contract/schemas/lead-filter';
import { toMatchExpression } from './fts-match';
import { placeholders, SqlConditions } from './sql-conditions';

/** A filter compiled to SQL: `SELECT … FROM ${from} WHERE ${where}` with `params` bound in order. */
export interface CompiledFilter {
  readonly from: string;
  readonly where: string;
  readonly params: unknown[];
}

/** Leads (alias `l`) joined to their company (alias `c`); the aliases are part of the interface. */
export const LEADS_FROM = 'leads l LEFT JOIN companies c ON c.id = l.company_id';

/** Compiles a lead filter to raw SQL for better-sqlite3; values are always bound, never spliced. Live leads only. Run `flushSearchIndex` before executing a search. */
export function compileLeadFilter(filter: LeadFilter): CompiledFilter {
  const w = new SqlConditions();
  w.add('l.deleted_at IS NULL');
  const match = toMatchExpression(filter.search);
  if (match !== null) w.add('l.id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?)', match);
  w.tags('lead', 'l.id', filter.tagsInclude, filter.tagsExclude);
  w.presence('l.email', filter.hasEmail);
  w.presence('l.phone', filter.hasPhone);
  w.presence('l.linkedin_url', filter.hasLinkedin);
  w.presence('l.facebook_url', filter.hasFacebook);
  verification(w, filter.verification);
  w.anyOfNoCase('l.country', filter.countries);
  w.containsAny('l.location', filter.locationKeywords);
  w.anyOfNoCase('c.industry', filter.industries);
  w.containsAny('l.job_title', filter.titleInclude);
  w.containsNone('l.job_title', filter.titleExclude);
  w.range('c.headcount', filter.headcountMin, filter.headcountMax);
  w.range('c.revenue', filter.revenueMin, filter.revenueMax);
  w.timeRange('l.created_at', filter.createdFrom, filter.createdTo);
  w.timeRange('l.updated_at', filter.updatedFrom, filter.updatedTo);
  if (filter.importId !== undefined) {
    w.add("l.id IN (SELECT target_id FROM merge_journal WHERE import_id = ? AND target_kind = 'lead' AND undone_at IS NULL)", filter.importId);
  }
  if (filter.companyId !== undefined) w.add('l.company_id = ?', filter.companyId);
  return { from: LEADS_FROM, where: w.toSql(), params: w.params };
}

function verification(w: SqlConditions, choices: LeadFilter['verification']): void {
  if (!choices?.length) return;
  const outcomes = choices.filter((c) => c !== 'unverified');
  const anyOf = outcomes.length ? [`l.email_verification IN (${placeholders(outcomes.length)})`] : [];
  const never = choices.includes('unverified') ? ['l.email_verification IS NULL'] : [];
  w.add(`(${[...anyOf, ...never].join(' OR ')})`, ...outcomes);
}
