import type { Database, Statement } from 'better-sqlite3';
import { performAction, type DueInstance } from './rule-actions';
import { compileRuleFilter } from './rule-filter-sql';
import { RULE_SELECT, storedTrigger, type RuleRow } from './rule-record';
import { storedTargetKind } from './resolve-rule';
import { triggerRows } from './rule-triggers';

/** How much one transaction of the engine takes on by default (the loop sizes batches to a time target unless told). */
export interface RuleEngineOptions {
  /** Trigger row ids one scan transaction covers (default 50,000). */
  readonly scanIds?: number;
  /** Instances one perform transaction runs (default 500). */
  readonly performBatch?: number;
}

/** What one step did; `more` when the same step has more to do; `awaitingApproval`: outreach it created that waits for the operator. */
export interface StepResult {
  readonly more: boolean;
  readonly count: number;
  readonly awaitingApproval?: number;
}

interface ScanStatements {
  readonly updatedAt: number;
  readonly maxId: Statement<[], number>;
  readonly insert: Statement<unknown[]>;
  readonly count: Statement<unknown[], number>;
  readonly rowsParams: readonly unknown[];
  readonly filterParams: readonly unknown[];
  readonly target: string;
}

/**
 * The rule engine over one connection. Scanning reads a rule's trigger rows past its cursor in id ranges and inserts
 * an instance per target that passes the filter (INSERT OR IGNORE on the (rule, target) key, so a re-run or a restart
 * never makes a second one), moving the cursor and the triggered count in the same transaction. Performing runs due
 * instances' actions, each in the transaction that marks it (so an instance is never seen half done); a rule that adds
 * a tag at once does it in the scan transaction itself, set-based, its instances created performed.
 */
export class RuleEngine {
  private readonly scans = new Map<number, ScanStatements>();
  private readonly scanIds: number;
  private readonly performBatch: number;
  private readonly activeIds: Statement<[], number>;
  private readonly rule: Statement<[number], RuleRow>;
  private readonly due: Statement<[number, number], DueInstance>;
  private readonly finish: Statement<[{ status: string; kind: string | null; text: string | null; now: number; id: number }]>;
  private readonly retry: Statement<[string, number, number, number]>;
  private readonly complete: Statement<[number, number, number]>;
  private readonly advance: Statement<[number, number, number]>;
  private readonly tagMany: Statement<[{ tag: number; now: number; ids: string }]>;
  private readonly performMany: Statement<[{ now: number; ids: string }]>;
  private readonly completeMany: Statement<[{ now: number; ids: string }]>;
  private readonly lastInstance: Statement<[], number>;
  private readonly tagNew: Statement<[{ tag: number; now: number; rule: number; after: number }]>;
  private readonly completeNew: Statement<[{ now: number; rule: number; after: number }]>;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
    options: RuleEngineOptions = {},
  ) {
    this.scanIds = options.scanIds ?? 50_000;
    this.performBatch = options.performBatch ?? 500;
    // Parents before children, so a chain moves as far as it can in one pass.
    this.activeIds = sqlite.prepare<[], number>('SELECT id FROM rules WHERE active = 1 AND deleted_at IS NULL ORDER BY id').pluck();
    this.rule = sqlite.prepare(`${RULE_SELECT} WHERE r.id = ?`);
    // Walk the due index in order; starting from the few rules would sort every pending instance of a rule each batch.
    this.due = sqlite.prepare(`SELECT i.id, i.rule_id, i.target_kind, i.target_id FROM rule_instances i INDEXED BY rule_instances_status_due
      WHERE i.status = 'pending' AND i.due_at <= ? AND i.rule_id IN (SELECT id FROM rules WHERE active = 1 AND deleted_at IS NULL)
      ORDER BY i.due_at, i.id LIMIT ?`);
    this.finish = sqlite.prepare(`UPDATE rule_instances SET status = :status, error_kind = :kind, error_text = :text, attempts = attempts + 1, started_at = :now, finished_at = :now,
      updated_at = :now WHERE id = :id`);
    this.retry = sqlite.prepare('UPDATE rule_instances SET error_text = ?, due_at = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?');
    this.complete = sqlite.prepare('INSERT OR IGNORE INTO rule_completions (rule_id, rule_instance_id, completed_at) VALUES (?, ?, ?)');
    this.advance = sqlite.prepare('UPDATE rules SET trigger_cursor = ?, triggered_count = triggered_count + ? WHERE id = ?');
    // Adding a tag to leads or companies is the bulk case: a whole batch of one rule in three statements.
    const batch = 'id IN (SELECT value FROM json_each(:ids))';
    this.tagMany = sqlite.prepare(`INSERT OR IGNORE INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_by_id, created_at)
      SELECT :tag, target_kind, target_id, 'rule', id, :now FROM rule_instances WHERE ${batch}`);
    this.performMany = sqlite.prepare(`UPDATE rule_instances SET status = 'performed', attempts = attempts + 1, started_at = :now, finished_at = :now, updated_at = :now
      WHERE ${batch}`);
    this.completeMany = sqlite.prepare(`INSERT OR IGNORE INTO rule_completions (rule_id, rule_instance_id, completed_at) SELECT rule_id, id, :now FROM rule_instances WHERE ${batch}`);
    this.lastInstance = sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) FROM rule_instances').pluck();
    const fresh = 'rule_id = :rule AND id > :after';
    this.tagNew = sqlite.prepare(`INSERT OR IGNORE INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_by_id, created_at)
      SELECT :tag, target_kind, target_id, 'rule', id, :now FROM rule_instances WHERE ${fresh}`);
    this.completeNew = sqlite.prepare(`INSERT OR IGNORE INTO rule_completions (rule_id, rule_instance_id, completed_at) SELECT rule_id, id, :now FROM rule_instances WHERE ${fresh}`);
  }

  /** Ids of the active rules, parents first. */
  activeRules(): number[] {
    return this.activeIds.all();
  }

  /** Scans one id range (`ids` wide) of a rule's trigger rows; `more` while its cursor is behind the trigger table. */
  scanStep(ruleId: number, ids = this.scanIds): StepResult {
    return this.sqlite.transaction((): StepResult => {
      const row = this.rule.get(ruleId);
      if (!row || row.active !== 1 || row.deleted_at !== null) return { more: false, count: 0 };
      const st = this.scanStatements(row);
      if (!st) return { more: false, count: 0 };
      const max = st.maxId.get() ?? 0;
      const from = row.trigger_cursor;
      const upTo = Math.min(from + ids, max);
      if (upTo <= from) return { more: false, count: 0 };
      const now = this.now();
      // Tagging leads or companies at once is done right here, set-based: the instances are born performed.
      const instant = row.delay_seconds === 0 && row.action_kind === 'add_tag' && st.target !== 'event';
      const before = instant ? (this.lastInstance.get() ?? 0) : 0;
      const state = instant ? ['performed', 1, now, now] : ['pending', 0, null, null];
      const created = st.insert.run(ruleId, st.target, ...state, row.delay_seconds * 1000, now, now, from, upTo, ...st.rowsParams, ...st.filterParams).changes;
      if (instant && created > 0) {
        this.tagNew.run({ tag: row.tag_id ?? 0, now, rule: ruleId, after: before });
        this.completeNew.run({ now, rule: ruleId, after: before });
      }
      this.advance.run(upTo, st.count.get(from, upTo, ...st.rowsParams) ?? 0, ruleId);
      return { more: upTo < max, count: created };
    }).immediate();
  }

  /** Runs up to `size` due instances of active rules; `more` when the batch was full. */
  performStep(size = this.performBatch): StepResult {
    return this.sqlite.transaction((): StepResult => {
      const now = this.now();
      const due = this.due.all(now, size);
      const rules = new Map<number, RuleRow | undefined>();
      let performed = 0;
      let awaitingApproval = 0;
      const bulk = new Map<number, number[]>();
      for (const instance of due) {
        if (!rules.has(instance.rule_id)) rules.set(instance.rule_id, this.rule.get(instance.rule_id));
        const rule = rules.get(instance.rule_id);
        if (!rule) continue;
        if (rule.action_kind === 'add_tag' && instance.target_kind !== 'event') {
          bulk.set(rule.id, [...(bulk.get(rule.id) ?? []), instance.id]);
          continue;
        }
        const outcome = performAction(this.sqlite, rule, instance, now);
        if (outcome.status === 'retry') {
          this.retry.run(outcome.text, outcome.retryAt, now, instance.id);
          continue;
        }
        if (outcome.status === 'performed') {
          this.finish.run({ status: 'performed', kind: null, text: null, now, id: instance.id });
          if (outcome.completes) this.complete.run(rule.id, instance.id, now);
          if (outcome.awaitsApproval) awaitingApproval++;
          performed++;
        } else {
          this.finish.run({ status: outcome.status, kind: outcome.errorKind, text: outcome.text, now, id: instance.id });
        }
      }
      for (const [ruleId, instanceIds] of bulk) {
        const ids = JSON.stringify(instanceIds);
        this.tagMany.run({ tag: rules.get(ruleId)?.tag_id ?? 0, now, ids });
        this.performMany.run({ now, ids });
        this.completeMany.run({ now, ids });
        performed += instanceIds.length;
      }
      return { more: due.length === size, count: performed, awaitingApproval };
    }).immediate();
  }

  private scanStatements(row: RuleRow): ScanStatements | undefined {
    const cached = this.scans.get(row.id);
    if (cached?.updatedAt === row.updated_at) return cached;
    const target = storedTargetKind(this.sqlite, row.id);
    if (target === null) return undefined;
    const rows = triggerRows(storedTrigger(row));
    const filter = compileRuleFilter(target, JSON.parse(row.filter) as never);
    const st: ScanStatements = {
      updatedAt: row.updated_at,
      maxId: this.sqlite.prepare<[], number>(rows.maxId).pluck(),
      insert: this.sqlite.prepare(`INSERT OR IGNORE INTO rule_instances (rule_id, target_kind, target_id, trigger_id, parent_instance_id, filter_passed, status, attempts,
          started_at, finished_at, due_at, created_at, updated_at)
        SELECT ?, ?, t.target_id, t.trigger_id, t.parent_id, 1, ?, ?, ?, ?, t.at + ?, ?, ?
        FROM (${rows.rows}) t ${filter.joins} WHERE ${filter.where}`),
      count: this.sqlite.prepare<unknown[], number>(`SELECT count(*) FROM (${rows.rows})`).pluck(),
      rowsParams: rows.params,
      filterParams: filter.params,
      target,
    };
    this.scans.set(row.id, st);
    return st;
  }
}
