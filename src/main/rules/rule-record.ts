import type { Rule, RuleAction, RuleFilter, RuleTrigger } from '../../shared/contract/schemas/rules';
import { toIso } from '../../shared/iso-time';
import type { StoredTrigger } from './rule-triggers';

/** A rules row with the codes of its outreach and enrichment types. */
export interface RuleRow {
  id: number;
  name: string;
  active: number;
  trigger_kind: RuleTrigger['kind'];
  trigger_source_id: number | null;
  trigger_tag_id: number | null;
  trigger_rule_id: number | null;
  filter: string;
  action_kind: RuleAction['kind'];
  outreach_type_id: number | null;
  enrichment_type_id: number | null;
  outreach_code: string | null;
  enrichment_code: string | null;
  sequence_id: number | null;
  tag_id: number | null;
  action_config: string;
  auto_approve: number;
  delay_seconds: number;
  apply_to_previous: number;
  trigger_cursor: number;
  triggered_count: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** What `action_config` holds: the template or parameters of the action, and the record kind a tag trigger watches. */
export interface ActionConfig {
  readonly subject?: string;
  readonly body?: string;
  readonly params?: Record<string, unknown>;
  readonly tagTarget?: 'lead' | 'company';
}

/** Reads a rule row with its type codes (`r` is the rules alias). */
export const RULE_SELECT = `SELECT r.*, ot.code AS outreach_code, et.code AS enrichment_code FROM rules r
  LEFT JOIN outreach_types ot ON ot.id = r.outreach_type_id LEFT JOIN enrichment_types et ON et.id = r.enrichment_type_id`;

/** The stored action config of a row. */
export const configOf = (row: Pick<RuleRow, 'action_config'>): ActionConfig => JSON.parse(row.action_config) as ActionConfig;

/** The trigger of a stored rule. */
export function storedTrigger(row: RuleRow): StoredTrigger {
  return { kind: row.trigger_kind, sourceId: row.trigger_source_id, tagId: row.trigger_tag_id, ruleId: row.trigger_rule_id, tagTarget: configOf(row).tagTarget ?? 'lead' };
}

/** The action of a stored rule, as the contract says it. */
export function actionOf(row: RuleRow): RuleAction {
  const config = configOf(row);
  const tag = row.tag_id === null ? {} : { tagId: row.tag_id };
  switch (row.action_kind) {
    case 'outreach':
      return { kind: 'outreach', typeCode: row.outreach_code ?? '', ...(config.subject === undefined ? {} : { subject: config.subject }), body: config.body ?? '', ...tag, autoApprove: row.auto_approve === 1 };
    case 'enrichment':
      return { kind: 'enrichment', typeCode: row.enrichment_code ?? '', params: config.params ?? {}, ...tag, autoApprove: row.auto_approve === 1 };
    case 'enroll':
      return { kind: 'enroll', sequenceId: row.sequence_id ?? 0 };
    default:
      return { kind: row.action_kind, tagId: row.tag_id ?? 0 };
  }
}

/** The trigger of a stored rule, as the contract says it. */
export function triggerOf(row: RuleRow): RuleTrigger {
  const t = storedTrigger(row);
  return {
    kind: t.kind,
    ...(t.sourceId === null ? {} : { sourceId: t.sourceId }),
    ...(t.tagId === null ? {} : { tagId: t.tagId, targetKind: t.tagTarget }),
    ...(t.ruleId === null ? {} : { ruleId: t.ruleId }),
  };
}

/** Instance counts of one rule by status. */
export interface InstanceCounts {
  readonly total: number;
  readonly pending: number;
  readonly performed: number;
  readonly failed: number;
}

/** A stored rule and its instance counts in the contract's shape. */
export function toRule(row: RuleRow, counts: InstanceCounts): Rule {
  return {
    id: row.id,
    name: row.name,
    active: row.active === 1,
    trigger: triggerOf(row),
    filter: JSON.parse(row.filter) as RuleFilter,
    action: actionOf(row),
    delaySeconds: row.delay_seconds,
    applyToPrevious: row.apply_to_previous === 1,
    counters: { triggered: row.triggered_count, passedFilter: counts.total, pending: counts.pending, performed: counts.performed, failed: counts.failed },
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
