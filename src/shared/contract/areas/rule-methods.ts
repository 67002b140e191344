import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id, noInput } from '../schemas/common';
import { rule, ruleDefinition, ruleDryRunInput, ruleDryRunOutput, ruleStats, ruleStatsInput, ruleUpdateInput } from '../schemas/rules';

const byId = z.strictObject({ id });

/** Rules: trigger -> filter -> action, their counters and a dry run. */
export const ruleMethods = {
  'rules.list': defineMethod({ http: 'GET', path: '/rules', summary: 'Live rules, newest first, with their counters', input: noInput, output: z.object({ items: z.array(rule) }) }),
  'rules.get': defineMethod({ http: 'GET', path: '/rules/:id', summary: 'One rule with its counters', input: byId, output: rule }),
  'rules.create': defineMethod({
    http: 'POST',
    path: '/rules',
    summary: 'A new rule; refused naming the problem (unknown tag, type, sequence, source or rule; unknown merge field; a loop without delay)',
    input: ruleDefinition,
    output: rule,
  }),
  'rules.update': defineMethod({ http: 'POST', path: '/rules/:id', summary: 'Change a rule; what was already triggered stays', input: ruleUpdateInput, output: rule }),
  'rules.delete': defineMethod({
    http: 'POST',
    path: '/rules/:id/delete',
    summary: 'Delete a rule and cancel its pending instances (refused while another rule is triggered by it)',
    input: byId,
    output: z.object({ id }),
  }),
  'rules.pause': defineMethod({ http: 'POST', path: '/rules/:id/pause', summary: 'Stop a rule from triggering and acting', input: byId, output: rule }),
  'rules.resume': defineMethod({ http: 'POST', path: '/rules/:id/resume', summary: 'Let a paused rule trigger and act again', input: byId, output: rule }),
  'rules.dryRun': defineMethod({
    http: 'POST',
    path: '/rules/dry-run',
    summary: 'How many current records would match a trigger and filter, and a sample of ten; changes nothing',
    input: ruleDryRunInput,
    output: ruleDryRunOutput,
  }),
  'rules.stats': defineMethod({
    http: 'GET',
    path: '/rules/:id/stats',
    summary: "A rule's counters, the outcomes of what it sent or enriched, and a daily series",
    input: ruleStatsInput,
    output: ruleStats,
  }),
} as const;
