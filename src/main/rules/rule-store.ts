import type { Database } from 'better-sqlite3';
import type { Rule, RuleDefinition } from '../../shared/contract/schemas/rules';
import { resolveRule, type RuleColumns } from './resolve-rule';
import { RuleProblem } from './rule-problem';
import { actionOf, configOf, RULE_SELECT, toRule, triggerOf, type InstanceCounts, type RuleRow } from './rule-record';
import { triggerRows } from './rule-triggers';

const COLUMNS = [
  'name',
  'active',
  'trigger_kind',
  'trigger_source_id',
  'trigger_tag_id',
  'trigger_rule_id',
  'filter',
  'action_kind',
  'outreach_type_id',
  'enrichment_type_id',
  'sequence_id',
  'tag_id',
  'action_config',
  'auto_approve',
  'delay_seconds',
  'apply_to_previous',
] as const satisfies readonly (keyof RuleColumns)[];

/** Rules as the API reads and writes them: definitions checked by resolveRule, counters from the instances. */
export class RuleStore {
  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {}

  /** Live rules, newest first. */
  list(): Rule[] {
    const rows = this.sqlite.prepare<[], RuleRow>(`${RULE_SELECT} WHERE r.deleted_at IS NULL ORDER BY r.id DESC`).all();
    return rows.map((row) => toRule(row, this.counts(row.id)));
  }

  /** One live rule, or undefined. */
  get(id: number): Rule | undefined {
    const row = this.row(id);
    return row && toRule(row, this.counts(id));
  }

  /** Stores a new rule; its trigger cursor starts at 0 when it applies to previous records, else after every current row. */
  create(def: RuleDefinition): Rule {
    return this.sqlite.transaction(() => {
      const columns = resolveRule(this.sqlite, def, null);
      const cursor = columns.apply_to_previous ? 0 : this.maxTriggerId(columns);
      const now = this.now();
      const id = Number(
        this.sqlite
          .prepare(`INSERT INTO rules (${COLUMNS.join(', ')}, trigger_cursor, created_at, updated_at) VALUES (${COLUMNS.map(() => '?').join(', ')}, ?, ?, ?)`)
          .run(...COLUMNS.map((c) => columns[c]), cursor, now, now).lastInsertRowid,
      );
      return this.get(id) as Rule;
    }).immediate();
  }

  /** Changes a rule; a changed trigger starts reading after every current row (what it read before stays acted on). */
  update(id: number, change: Partial<Omit<RuleDefinition, 'applyToPrevious'>>): Rule {
    return this.sqlite.transaction(() => {
      const row = this.existing(id);
      const current: RuleDefinition = {
        name: row.name,
        trigger: triggerOf(row),
        filter: JSON.parse(row.filter) as RuleDefinition['filter'],
        action: actionOf(row),
        delaySeconds: row.delay_seconds,
        applyToPrevious: row.apply_to_previous === 1,
        active: row.active === 1,
      };
      const columns = resolveRule(this.sqlite, { ...current, ...change }, id);
      const triggerChanged =
        columns.trigger_kind !== row.trigger_kind ||
        columns.trigger_source_id !== row.trigger_source_id ||
        columns.trigger_tag_id !== row.trigger_tag_id ||
        columns.trigger_rule_id !== row.trigger_rule_id ||
        (JSON.parse(columns.action_config) as { tagTarget?: string }).tagTarget !== configOf(row).tagTarget;
      const cursor = triggerChanged ? this.maxTriggerId(columns) : row.trigger_cursor;
      this.sqlite
        .prepare(`UPDATE rules SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, trigger_cursor = ?, updated_at = ? WHERE id = ?`)
        .run(...COLUMNS.map((c) => columns[c]), cursor, this.now(), id);
      return this.get(id) as Rule;
    }).immediate();
  }

  /** Pauses or resumes a rule. */
  setActive(id: number, active: boolean): Rule {
    this.existing(id);
    this.sqlite.prepare('UPDATE rules SET active = ?, updated_at = ? WHERE id = ?').run(active ? 1 : 0, this.now(), id);
    return this.get(id) as Rule;
  }

  /** Soft-deletes a rule and cancels its pending instances; refused while a live rule is triggered by it. */
  delete(id: number): void {
    this.sqlite.transaction(() => {
      this.existing(id);
      const child = this.sqlite.prepare<[number], { name: string }>('SELECT name FROM rules WHERE trigger_rule_id = ? AND deleted_at IS NULL LIMIT 1').get(id);
      if (child) throw new RuleProblem('id', `rule "${child.name}" is triggered by this rule; delete or change it first`, 'conflict');
      const now = this.now();
      this.sqlite.prepare('UPDATE rules SET deleted_at = ?, active = 0, updated_at = ? WHERE id = ?').run(now, now, id);
      this.sqlite
        .prepare("UPDATE rule_instances SET status = 'canceled', finished_at = ?, updated_at = ? WHERE rule_id = ? AND status = 'pending'")
        .run(now, now, id);
    }).immediate();
  }

  /** Instance counts of a rule by status. */
  counts(id: number): InstanceCounts {
    const row = this.sqlite
      .prepare<[number], InstanceCounts>(
        `SELECT count(*) AS total, coalesce(sum(status IN ('pending', 'running')), 0) AS pending, coalesce(sum(status = 'performed'), 0) AS performed,
          coalesce(sum(status IN ('failed', 'aborted')), 0) AS failed FROM rule_instances WHERE rule_id = ?`,
      )
      .get(id);
    return row ?? { total: 0, pending: 0, performed: 0, failed: 0 };
  }

  private row(id: number): RuleRow | undefined {
    return this.sqlite.prepare<[number], RuleRow>(`${RULE_SELECT} WHERE r.id = ? AND r.deleted_at IS NULL`).get(id);
  }

  private existing(id: number): RuleRow {
    const row = this.row(id);
    if (!row) throw new RuleProblem('id', `rule ${id} does not exist`, 'not_found');
    return row;
  }

  private maxTriggerId(c: RuleColumns): number {
    const tagTarget = (JSON.parse(c.action_config) as { tagTarget?: 'lead' | 'company' }).tagTarget ?? 'lead';
    const rows = triggerRows({ kind: c.trigger_kind, sourceId: c.trigger_source_id, tagId: c.trigger_tag_id, ruleId: c.trigger_rule_id, tagTarget });
    return this.sqlite.prepare(rows.maxId).pluck().get() as number;
  }
}
