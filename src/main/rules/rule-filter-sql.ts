import type { RuleFilter, RuleTargetKind } from '../../shared/contract/schemas/rules';
import { compileCompanyFilter } from '../leads/query/company-filter-sql';
import { compileLeadFilter } from '../leads/query/lead-filter-sql';
import { placeholders, SqlConditions } from '../leads/query/sql-conditions';

/** A rule filter as joins onto the trigger rows (alias `t`) and a WHERE expression with its parameters in order. */
export interface CompiledRuleFilter {
  readonly joins: string;
  readonly where: string;
  readonly params: unknown[];
}

const JOINS: Record<RuleTargetKind, string> = {
  lead: 'JOIN leads l ON l.id = t.target_id LEFT JOIN companies c ON c.id = l.company_id',
  company: 'JOIN companies c ON c.id = t.target_id',
  event: 'JOIN events e ON e.id = t.target_id LEFT JOIN leads l ON l.id = e.lead_id LEFT JOIN companies c ON c.id = coalesce(e.company_id, l.company_id)',
};

const EVENT_TEXT = "(coalesce(e.title, '') || ' ' || coalesce(e.text, ''))";

function excludes(w: SqlConditions, alias: 'l' | 'c', f: { countriesExclude?: string[] | undefined; locationExclude?: string[] | undefined; industriesExclude?: string[] | undefined }) {
  if (f.countriesExclude?.length) w.add(`coalesce(${alias}.country, '') COLLATE NOCASE NOT IN (${placeholders(f.countriesExclude.length)})`, ...f.countriesExclude);
  w.containsNone(`${alias}.location`, f.locationExclude);
  if (f.industriesExclude?.length) w.add(`coalesce(c.industry, '') COLLATE NOCASE NOT IN (${placeholders(f.industriesExclude.length)})`, ...f.industriesExclude);
}

/**
 * Compiles a rule's filter for its target kind, reusing the lead and company list filters: a lead target is always a
 * live lead, a company target a live company; a lead or company part on an event (or a company part on a lead) needs
 * that record to exist. Parts that do not apply to the target kind are refused before a rule is stored.
 */
export function compileRuleFilter(target: RuleTargetKind, filter: RuleFilter): CompiledRuleFilter {
  const w = new SqlConditions();
  const { countriesExclude, locationExclude, industriesExclude, ...lead } = filter.lead ?? {};
  if (filter.lead || target === 'lead') {
    if (target !== 'lead') w.add('l.id IS NOT NULL');
    const compiled = compileLeadFilter(lead);
    w.add(compiled.where, ...compiled.params);
    excludes(w, 'l', { countriesExclude, locationExclude, industriesExclude });
  }
  if (filter.company || target === 'company') {
    const { countriesExclude: cx, locationExclude: lx, industriesExclude: ix, ...company } = filter.company ?? {};
    if (target !== 'company') w.add('c.id IS NOT NULL');
    const compiled = compileCompanyFilter(company);
    w.add(compiled.where, ...compiled.params);
    excludes(w, 'c', { countriesExclude: cx, locationExclude: lx, industriesExclude: ix });
  }
  if (filter.event) {
    w.containsAny(EVENT_TEXT, filter.event.textInclude);
    w.containsNone(EVENT_TEXT, filter.event.textExclude);
    w.anyOfNoCase('e.kind', filter.event.kinds);
  }
  return { joins: JOINS[target], where: w.parts.length ? w.toSql() : '1', params: w.params };
}
