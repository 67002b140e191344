import type { RuleAction, RuleDefinition, RuleFilter, RuleTrigger, RuleTriggerKind } from '../../../shared/contract/schemas/rules';
import type { MethodInput } from '../../../shared/contract/methods';

/** Trigger kinds with the words the editor shows. */
export const TRIGGER_LABELS: Record<RuleTriggerKind, string> = {
  lead_created: 'A lead was created',
  company_created: 'A company was created',
  event_created: 'A source found an event',
  tag_added: 'A tag was added',
  rule_performed: 'Another rule was performed',
  reply: 'A reply arrived',
  acceptance: 'An invitation was accepted',
  bounce: 'A message bounced',
  click: 'A link was clicked',
  unsubscribe: 'Someone unsubscribed',
};

/** Outreach types a rule can create (the catalogue's codes). */
export const OUTREACH_TYPES = ['email', 'linkedin_connect', 'linkedin_message', 'facebook_friend', 'facebook_message', 'manual_task'] as const;

/** Enrichment types a rule can ask for. */
export const ENRICHMENT_TYPES = ['verify_email', 'find_email', 'find_phone', 'find_company_leads'] as const;

/** Action kinds with the words the editor shows. */
export const ACTION_LABELS: Record<RuleAction['kind'], string> = {
  outreach: 'Create an outreach',
  enrichment: 'Request an enrichment',
  add_tag: 'Add a tag',
  remove_tag: 'Remove a tag',
  enroll: 'Enroll in a sequence',
};

/** What the editor holds while the operator types: plain strings and flags, turned into a definition on save. */
export interface RuleDraft {
  name: string;
  trigger: RuleTriggerKind;
  triggerTagId: string;
  triggerTarget: 'lead' | 'company';
  triggerRuleId: string;
  sourceId: string;
  filter: RuleFilter;
  action: RuleAction['kind'];
  typeCode: string;
  subject: string;
  body: string;
  actionTagId: string;
  sequenceId: string;
  autoApprove: boolean;
  delayMinutes: string;
  applyToPrevious: boolean;
}

/** A blank rule. */
export const emptyDraft = (): RuleDraft => ({
  name: '',
  trigger: 'lead_created',
  triggerTagId: '',
  triggerTarget: 'lead',
  triggerRuleId: '',
  sourceId: '',
  filter: {},
  action: 'add_tag',
  typeCode: 'email',
  subject: '',
  body: '',
  actionTagId: '',
  sequenceId: '',
  autoApprove: false,
  delayMinutes: '0',
  applyToPrevious: false,
});

const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/** The trigger a draft describes. */
export function triggerOf(d: RuleDraft): RuleTrigger {
  return {
    kind: d.trigger,
    ...(d.trigger === 'tag_added' ? { tagId: num(d.triggerTagId) ?? 0, targetKind: d.triggerTarget } : {}),
    ...(d.trigger === 'rule_performed' ? { ruleId: num(d.triggerRuleId) ?? 0 } : {}),
    ...(['lead_created', 'company_created', 'event_created'].includes(d.trigger) && num(d.sourceId) !== undefined ? { sourceId: num(d.sourceId) } : {}),
  };
}

function actionOf(d: RuleDraft): RuleAction {
  const tag = num(d.actionTagId);
  switch (d.action) {
    case 'outreach':
      return { kind: 'outreach', typeCode: d.typeCode, ...(d.subject.trim() ? { subject: d.subject } : {}), body: d.body, ...(tag ? { tagId: tag } : {}), autoApprove: d.autoApprove };
    case 'enrichment':
      return { kind: 'enrichment', typeCode: d.typeCode, params: {}, ...(tag ? { tagId: tag } : {}), autoApprove: d.autoApprove };
    case 'enroll':
      return { kind: 'enroll', sequenceId: num(d.sequenceId) ?? 0 };
    default:
      return { kind: d.action, tagId: tag ?? 0 };
  }
}

/** The definition a draft describes, as rules.create takes it. */
export function definitionOf(d: RuleDraft): MethodInput<'rules.create'> {
  return {
    name: d.name,
    trigger: triggerOf(d),
    filter: d.filter,
    action: actionOf(d),
    delaySeconds: Math.round((num(d.delayMinutes) ?? 0) * 60),
    applyToPrevious: d.applyToPrevious,
  };
}

/** A draft of a stored rule, to edit it. */
export function draftOf(rule: Omit<RuleDefinition, 'active'>): RuleDraft {
  const a = rule.action;
  const t = rule.trigger;
  return {
    ...emptyDraft(),
    name: rule.name,
    trigger: t.kind,
    triggerTagId: t.tagId ? String(t.tagId) : '',
    triggerTarget: t.targetKind ?? 'lead',
    triggerRuleId: t.ruleId ? String(t.ruleId) : '',
    sourceId: t.sourceId ? String(t.sourceId) : '',
    filter: rule.filter,
    action: a.kind,
    typeCode: a.kind === 'outreach' || a.kind === 'enrichment' ? a.typeCode : 'email',
    subject: a.kind === 'outreach' ? (a.subject ?? '') : '',
    body: a.kind === 'outreach' ? a.body : '',
    actionTagId: 'tagId' in a && a.tagId ? String(a.tagId) : '',
    sequenceId: a.kind === 'enroll' ? String(a.sequenceId) : '',
    autoApprove: 'autoApprove' in a ? a.autoApprove : false,
    delayMinutes: String(rule.delaySeconds / 60),
    applyToPrevious: rule.applyToPrevious,
  };
}

/** The kind of record a trigger gives (a rule_performed trigger: that of the other rule, unknown here). */
export function targetOf(d: RuleDraft): 'lead' | 'company' | 'event' {
  if (d.trigger === 'event_created') return 'event';
  if (d.trigger === 'company_created' || (d.trigger === 'tag_added' && d.triggerTarget === 'company')) return 'company';
  return 'lead';
}
