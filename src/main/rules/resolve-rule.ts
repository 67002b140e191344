import type { Database } from 'better-sqlite3';
import type { RuleDefinition, RuleTargetKind } from '../../shared/contract/schemas/rules';
import { inspectTemplate } from '../../shared/templates/inspect-template';
import { knownMergeFields } from '../../shared/templates/merge-data';
import type { ActionConfig } from './rule-record';
import { assertNoInstantLoop } from './rule-loops';
import { RuleProblem } from './rule-problem';
import { ownTargetKind } from './rule-triggers';

/** The rules columns a definition is stored as. */
export interface RuleColumns {
  readonly name: string;
  readonly active: number;
  readonly trigger_kind: RuleDefinition['trigger']['kind'];
  readonly trigger_source_id: number | null;
  readonly trigger_tag_id: number | null;
  readonly trigger_rule_id: number | null;
  readonly filter: string;
  readonly action_kind: RuleDefinition['action']['kind'];
  readonly outreach_type_id: number | null;
  readonly enrichment_type_id: number | null;
  readonly sequence_id: number | null;
  readonly tag_id: number | null;
  readonly action_config: string;
  readonly auto_approve: number;
  readonly delay_seconds: number;
  readonly apply_to_previous: number;
}

const exists = (sqlite: Database, sql: string, value: unknown): boolean => sqlite.prepare(sql).get(value) !== undefined;

function liveTag(sqlite: Database, path: string, tagId: number | undefined): number | null {
  if (tagId === undefined) return null;
  if (!exists(sqlite, 'SELECT 1 FROM tags WHERE id = ? AND deleted_at IS NULL', tagId)) throw new RuleProblem(path, `tag ${tagId} does not exist`);
  return tagId;
}

/** The target kind of a stored rule, following rule_performed triggers up to the rule they start from. */
export function storedTargetKind(sqlite: Database, ruleId: number, seen = new Set<number>()): RuleTargetKind | null {
  const row = sqlite
    .prepare<[number], { trigger_kind: RuleDefinition['trigger']['kind']; trigger_rule_id: number | null; action_config: string }>(
      'SELECT trigger_kind, trigger_rule_id, action_config FROM rules WHERE id = ?',
    )
    .get(ruleId);
  if (!row || seen.has(ruleId)) return null;
  seen.add(ruleId);
  const own = ownTargetKind({ kind: row.trigger_kind, tagTarget: (JSON.parse(row.action_config) as ActionConfig).tagTarget ?? 'lead' });
  return own ?? (row.trigger_rule_id === null ? null : storedTargetKind(sqlite, row.trigger_rule_id, seen));
}

function resolveTrigger(sqlite: Database, def: Pick<RuleDefinition, 'trigger'>, selfId: number | null): RuleTargetKind {
  const t = def.trigger;
  if (t.sourceId !== undefined) {
    if (!['event_created', 'lead_created', 'company_created'].includes(t.kind)) throw new RuleProblem('trigger.sourceId', `a ${t.kind} trigger has no source`);
    if (!exists(sqlite, 'SELECT 1 FROM sources WHERE id = ? AND deleted_at IS NULL', t.sourceId)) throw new RuleProblem('trigger.sourceId', `source ${t.sourceId} does not exist`);
  }
  if ((t.kind === 'tag_added') !== (t.tagId !== undefined)) throw new RuleProblem('trigger.tagId', t.kind === 'tag_added' ? 'a tag_added trigger needs the tag' : `a ${t.kind} trigger has no tag`);
  if (t.targetKind !== undefined && t.kind !== 'tag_added') throw new RuleProblem('trigger.targetKind', 'only a tag_added trigger chooses leads or companies');
  liveTag(sqlite, 'trigger.tagId', t.tagId);
  if ((t.kind === 'rule_performed') !== (t.ruleId !== undefined)) throw new RuleProblem('trigger.ruleId', t.kind === 'rule_performed' ? 'a rule_performed trigger needs the rule' : `a ${t.kind} trigger has no rule`);
  if (t.ruleId !== undefined) {
    if (t.ruleId === selfId) throw new RuleProblem('trigger.ruleId', 'a rule cannot be triggered by itself');
    if (!exists(sqlite, 'SELECT 1 FROM rules WHERE id = ? AND deleted_at IS NULL', t.ruleId)) throw new RuleProblem('trigger.ruleId', `rule ${t.ruleId} does not exist`);
  }
  const target = ownTargetKind({ kind: t.kind, tagTarget: t.targetKind ?? 'lead' }) ?? storedTargetKind(sqlite, t.ruleId ?? 0);
  if (target === null) throw new RuleProblem('trigger.ruleId', `rule ${t.ruleId} has no target kind`);
  return target;
}

function checkFilter(def: Pick<RuleDefinition, 'filter'>, target: RuleTargetKind): void {
  if (def.filter.event && target !== 'event') throw new RuleProblem('filter.event', `an event filter needs an event target; this trigger gives ${target}s`);
  if (def.filter.lead && target === 'company') throw new RuleProblem('filter.lead', 'a lead filter needs a lead or event target; this trigger gives companies');
}

function checkTemplate(sqlite: Database, path: string, source: string | undefined): void {
  if (source === undefined) return;
  const custom = sqlite.prepare<[], { name: string }>('SELECT DISTINCT name FROM custom_fields WHERE deleted_at IS NULL').all();
  let unknown: readonly string[];
  try {
    unknown = inspectTemplate(source, knownMergeFields(custom.map((c) => c.name))).unknown;
  } catch (error) {
    throw new RuleProblem(path, `template cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (unknown.length) throw new RuleProblem(path, `unknown merge field ${unknown.map((f) => `{{${f}}}`).join(', ')}`);
}

function resolveAction(sqlite: Database, def: RuleDefinition, target: RuleTargetKind) {
  const a = def.action;
  const none = { outreach_type_id: null, enrichment_type_id: null, sequence_id: null, auto_approve: 0 };
  const needsLead = (what: string) => {
    if (target === 'company') throw new RuleProblem('action.kind', `${what} needs a lead; this trigger gives companies`);
  };
  switch (a.kind) {
    case 'outreach': {
      needsLead('an outreach');
      const type = sqlite.prepare<[string], { id: number; defaults: string }>('SELECT id, defaults FROM outreach_types WHERE code = ?').get(a.typeCode);
      if (!type) throw new RuleProblem('action.typeCode', `outreach type ${a.typeCode} does not exist`);
      const defaults = JSON.parse(type.defaults) as { subject?: boolean; body?: string };
      if (defaults.body === 'required' && !a.body.trim()) throw new RuleProblem('action.body', `a ${a.typeCode} needs a body`);
      if (defaults.subject && !a.subject?.trim()) throw new RuleProblem('action.subject', `a ${a.typeCode} needs a subject`);
      checkTemplate(sqlite, 'action.subject', a.subject);
      checkTemplate(sqlite, 'action.body', a.body);
      const config: ActionConfig = { ...(a.subject === undefined ? {} : { subject: a.subject }), body: a.body };
      return { ...none, outreach_type_id: type.id, tag_id: liveTag(sqlite, 'action.tagId', a.tagId), auto_approve: a.autoApprove ? 1 : 0, config };
    }
    case 'enrichment': {
      const type = sqlite.prepare<[string], { id: number; target_kind: string }>('SELECT id, target_kind FROM enrichment_types WHERE code = ?').get(a.typeCode);
      if (!type) throw new RuleProblem('action.typeCode', `enrichment type ${a.typeCode} does not exist`);
      if (type.target_kind === 'lead') needsLead(`a ${a.typeCode} enrichment`);
      const config: ActionConfig = { params: a.params };
      return { ...none, enrichment_type_id: type.id, tag_id: liveTag(sqlite, 'action.tagId', a.tagId), auto_approve: a.autoApprove ? 1 : 0, config };
    }
    case 'enroll':
      needsLead('enrolling in a sequence');
      if (!exists(sqlite, "SELECT 1 FROM sequences WHERE id = ? AND deleted_at IS NULL AND status <> 'archived'", a.sequenceId)) {
        throw new RuleProblem('action.sequenceId', `sequence ${a.sequenceId} does not exist`);
      }
      return { ...none, sequence_id: a.sequenceId, tag_id: null, config: {} };
    default:
      return { ...none, tag_id: liveTag(sqlite, 'action.tagId', a.tagId), config: {} };
  }
}

/** Checks a trigger and filter against the store (as resolveRule does) and gives the kind of record they select. */
export function resolveTarget(sqlite: Database, def: Pick<RuleDefinition, 'trigger' | 'filter'>, selfId: number | null): RuleTargetKind {
  const target = resolveTrigger(sqlite, def, selfId);
  checkFilter(def, target);
  return target;
}

/**
 * Checks a definition against the store and turns it into columns: every id it names must be live, its filter and
 * action must fit the records its trigger gives, its templates may use only known merge fields, and it may not close
 * a loop of rules without any delay. Throws a RuleProblem naming the field.
 */
export function resolveRule(sqlite: Database, def: RuleDefinition, selfId: number | null): RuleColumns {
  const target = resolveTarget(sqlite, def, selfId);
  const action = resolveAction(sqlite, def, target);
  const config: ActionConfig = { ...action.config, ...(def.trigger.kind === 'tag_added' ? { tagTarget: def.trigger.targetKind ?? 'lead' } : {}) };
  const columns: RuleColumns = {
    name: def.name,
    active: def.active ? 1 : 0,
    trigger_kind: def.trigger.kind,
    trigger_source_id: def.trigger.sourceId ?? null,
    trigger_tag_id: def.trigger.tagId ?? null,
    trigger_rule_id: def.trigger.ruleId ?? null,
    filter: JSON.stringify(def.filter),
    action_kind: def.action.kind,
    outreach_type_id: action.outreach_type_id,
    enrichment_type_id: action.enrichment_type_id,
    sequence_id: action.sequence_id,
    tag_id: action.tag_id,
    action_config: JSON.stringify(config),
    auto_approve: action.auto_approve,
    delay_seconds: def.delaySeconds,
    apply_to_previous: def.applyToPrevious ? 1 : 0,
  };
  assertNoInstantLoop(sqlite, { id: selfId ?? 0, ...columns });
  return columns;
}
