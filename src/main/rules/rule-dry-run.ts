import type { Database } from 'better-sqlite3';
import type { RuleDefinition } from '../../shared/contract/schemas/rules';
import { resolveTarget } from './resolve-rule';
import { compileRuleFilter } from './rule-filter-sql';
import { triggerRows } from './rule-triggers';

/** What a dry run found: how many distinct targets, and the ten newest. */
export interface DryRunResult {
  readonly count: number;
  readonly sample: { kind: 'lead' | 'company' | 'event'; id: number; label: string }[];
}

const LABELS = {
  lead: `SELECT id, coalesce(nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), email, linkedin_url, 'lead ' || id) AS label FROM leads WHERE id = ?`,
  company: `SELECT id, coalesce(name, domain, 'company ' || id) AS label FROM companies WHERE id = ?`,
  event: `SELECT id, coalesce(title, url) AS label FROM events WHERE id = ?`,
} as const;

/**
 * How many current records a trigger and filter would select if the rule applied to every trigger row so far (as
 * "apply to previous records" does), and a sample of the newest ten. Reads only.
 */
export function dryRunRule(sqlite: Database, def: Pick<RuleDefinition, 'trigger' | 'filter'>): DryRunResult {
  const target = resolveTarget(sqlite, def, null);
  const t = def.trigger;
  const rows = triggerRows({ kind: t.kind, sourceId: t.sourceId ?? null, tagId: t.tagId ?? null, ruleId: t.ruleId ?? null, tagTarget: t.targetKind ?? 'lead' });
  const filter = compileRuleFilter(target, def.filter);
  const max = sqlite.prepare<[], number>(rows.maxId).pluck().get() ?? 0;
  const from = `FROM (${rows.rows}) t ${filter.joins} WHERE ${filter.where}`;
  const params = [0, max, ...rows.params, ...filter.params];
  const count = sqlite.prepare<unknown[], number>(`SELECT count(DISTINCT t.target_id) ${from}`).pluck().get(...params) ?? 0;
  const ids = sqlite.prepare<unknown[], number>(`SELECT DISTINCT t.target_id ${from} ORDER BY t.target_id DESC LIMIT 10`).pluck().all(...params);
  const label = sqlite.prepare<[number], { id: number; label: string }>(LABELS[target]);
  return { count, sample: ids.map((id) => ({ kind: target, id, label: label.get(id)?.label ?? `${target} ${id}` })) };
}
