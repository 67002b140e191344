import { z } from 'zod';
import { id, isoTime } from './common';
import { companyFilter, leadFilter } from './lead-filter';

/** What fires a rule. */
export const ruleTriggerKind = z.enum(['event_created', 'lead_created', 'company_created', 'tag_added', 'rule_performed', 'reply', 'acceptance', 'bounce', 'click', 'unsubscribe']);

/** Rule trigger kind. */
export type RuleTriggerKind = z.infer<typeof ruleTriggerKind>;

/** What a rule instance is about. */
export const ruleTargetKind = z.enum(['lead', 'company', 'event']);

/** Rule target kind. */
export type RuleTargetKind = z.infer<typeof ruleTargetKind>;

/**
 * What fires a rule: `sourceId` narrows event/lead/company creation to one source (without it, a lead or company
 * created any way fires, imports included); `tagId` is the tag of `tag_added`, put on a lead or company as
 * `targetKind` says (default lead); `ruleId` the rule of `rule_performed` (its target is the other rule's).
 */
export const ruleTrigger = z.strictObject({
  kind: ruleTriggerKind,
  sourceId: id.optional(),
  tagId: id.optional(),
  targetKind: z.enum(['lead', 'company']).optional(),
  ruleId: id.optional(),
});

/** Rule trigger. */
export type RuleTrigger = z.infer<typeof ruleTrigger>;

const words = z.array(z.string().trim().min(1).max(100)).max(50);

// The list filters' fields that make sense for a trigger's record (no search, import or time ranges), plus exclude lists.
const excludeLists = { countriesExclude: words.optional(), locationExclude: words.optional(), industriesExclude: words.optional() };

/** Filter on a lead: the lead list's conventions (OR inside a list, AND across, excludes veto) plus exclude lists. */
export const ruleLeadFilter = leadFilter
  .omit({ search: true, importId: true, companyId: true, createdFrom: true, createdTo: true, updatedFrom: true, updatedTo: true })
  .extend(excludeLists);

/** Filter on a company (a company target, or the company of a lead or event). */
export const ruleCompanyFilter = companyFilter.omit({ search: true, createdFrom: true, createdTo: true }).extend(excludeLists);

/** Filter on a scraped event: keywords in its title or text, and its kind. */
export const ruleEventFilter = z.strictObject({
  textInclude: words.optional(),
  textExclude: words.optional(),
  kinds: z.array(z.enum(['post', 'listing', 'search_row', 'page'])).max(4).optional(),
});

/**
 * Which targets a rule acts on; every part given must hold. `lead` applies to a lead target or an event's lead,
 * `company` to a company target or the company of the lead or event, `event` to an event target.
 */
export const ruleFilter = z.strictObject({ lead: ruleLeadFilter.optional(), company: ruleCompanyFilter.optional(), event: ruleEventFilter.optional() });

/** Rule filter. */
export type RuleFilter = z.infer<typeof ruleFilter>;

const template = z.string().max(20_000);
const code = z.string().trim().min(1).max(100);

/** The one thing a rule does to each target that passes its filter. */
export const ruleAction = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('outreach'),
    typeCode: code,
    subject: template.optional(),
    body: template,
    tagId: id.optional(),
    autoApprove: z.boolean().default(false),
  }),
  z.strictObject({
    kind: z.literal('enrichment'),
    typeCode: code,
    params: z.record(z.string(), z.unknown()).default({}),
    tagId: id.optional(),
    autoApprove: z.boolean().default(false),
  }),
  z.strictObject({ kind: z.literal('add_tag'), tagId: id }),
  z.strictObject({ kind: z.literal('remove_tag'), tagId: id }),
  z.strictObject({ kind: z.literal('enroll'), sequenceId: id }),
]);

/** Rule action. */
export type RuleAction = z.infer<typeof ruleAction>;

const MAX_DELAY_SECONDS = 366 * 86_400;

/** A rule as the operator writes it. */
export const ruleDefinition = z.strictObject({
  name: z.string().trim().min(1).max(200),
  trigger: ruleTrigger,
  filter: ruleFilter.default({}),
  action: ruleAction,
  /** Seconds between the trigger and the action. */
  delaySeconds: z.number().int().min(0).max(MAX_DELAY_SECONDS).default(0),
  /** Also act on records that fired the trigger before the rule existed. */
  applyToPrevious: z.boolean().default(false),
  active: z.boolean().default(true),
});

/** Rule definition (after defaults). */
export type RuleDefinition = z.infer<typeof ruleDefinition>;

/** Per-rule counters: trigger hits, instances (those that passed the filter) by status. */
export const ruleCounters = z.object({
  triggered: z.number().int().nonnegative(),
  passedFilter: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  performed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});

/** A rule with its counters. */
export const rule = z.object({
  id,
  name: z.string(),
  active: z.boolean(),
  trigger: ruleTrigger,
  filter: ruleFilter,
  action: ruleAction,
  delaySeconds: z.number().int(),
  applyToPrevious: z.boolean(),
  counters: ruleCounters,
  createdAt: isoTime,
  updatedAt: isoTime,
});

/** Rule. */
export type Rule = z.infer<typeof rule>;

/** Changes to a rule; fields not given keep their value. The trigger cursor stays where it is. */
export const ruleUpdateInput = z.strictObject({
  id,
  name: ruleDefinition.shape.name.optional(),
  trigger: ruleTrigger.optional(),
  filter: ruleFilter.optional(),
  action: ruleAction.optional(),
  delaySeconds: z.number().int().min(0).max(MAX_DELAY_SECONDS).optional(),
  active: z.boolean().optional(),
});

/** What a dry run needs: the trigger and filter (the action decides nothing about matching). */
export const ruleDryRunInput = z.strictObject({ trigger: ruleTrigger, filter: ruleFilter.default({}) });

/** One target a rule would act on. */
export const ruleSampleItem = z.object({ kind: ruleTargetKind, id, label: z.string() });

/** How many current records would match, and the first ten. */
export const ruleDryRunOutput = z.object({ count: z.number().int().nonnegative(), sample: z.array(ruleSampleItem) });

/** Outcomes of what a rule created (from the timeline's rule counters) and a daily series of them. */
export const ruleStats = z.object({
  id,
  counters: ruleCounters,
  outcomes: z.object({
    outreachPerformed: z.number().int(),
    replied: z.number().int(),
    accepted: z.number().int(),
    bounced: z.number().int(),
    enrichmentsPerformed: z.number().int(),
    enrichmentHits: z.number().int(),
  }),
  daily: z.array(z.object({ at: isoTime, performed: z.number().int(), replied: z.number().int(), accepted: z.number().int() })),
});

/** Rule stats. */
export type RuleStats = z.infer<typeof ruleStats>;

/** Input of rules.stats: the rule and how many days back the series reaches (today included). */
export const ruleStatsInput = z.strictObject({ id, days: z.number().int().min(1).max(366).default(14) });

/** What a `rules.changed` event says. */
export const rulesChangedEvent = z.object({ reason: z.enum(['created', 'updated', 'deleted', 'performed']), ruleId: id.nullable() });
