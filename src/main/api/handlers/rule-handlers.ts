import type { ruleMethods } from '../../../shared/contract/areas/rule-methods';
import type { Rule } from '../../../shared/contract/schemas/rules';
import { dryRunRule } from '../../rules/rule-dry-run';
import { RuleProblem } from '../../rules/rule-problem';
import { ruleStats } from '../../rules/rule-stats';
import { RuleStore } from '../../rules/rule-store';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

// A refused definition becomes a 4xx naming the field.
function checked<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RuleProblem) throw new ApiError(error.code, error.message, error.code === 'bad_request' ? [{ path: error.path, message: error.message }] : undefined);
    throw error;
  }
}

/** Rules: definitions checked against the store, counters, dry run and stats; every change emits `rules.changed`. */
export const ruleHandlers = (s: Services): Pick<Handlers, keyof typeof ruleMethods> => {
  const store = new RuleStore(s.store.sqlite, () => s.clock.now());
  const changed = (reason: 'created' | 'updated', rule: Rule): Rule => {
    s.bus.emit('rules.changed', { reason, ruleId: rule.id });
    return rule;
  };
  const found = (id: number): Rule => {
    const rule = store.get(id);
    if (!rule) throw new ApiError('not_found', `id: rule ${id} does not exist`);
    return rule;
  };
  return {
    'rules.list': async () => ({ items: store.list() }),
    'rules.get': async ({ id }) => found(id),
    'rules.create': async (def) => changed('created', checked(() => store.create(def))),
    'rules.update': async ({ id, ...change }) => changed('updated', checked(() => store.update(id, change))),
    'rules.delete': async ({ id }) => {
      checked(() => store.delete(id));
      s.bus.emit('rules.changed', { reason: 'deleted', ruleId: id });
      return { id };
    },
    'rules.pause': async ({ id }) => changed('updated', checked(() => store.setActive(id, false))),
    'rules.resume': async ({ id }) => changed('updated', checked(() => store.setActive(id, true))),
    'rules.dryRun': async (input) => checked(() => dryRunRule(s.store.sqlite, input)),
    'rules.stats': async ({ id, days }) => {
      const stats = ruleStats(s.store.sqlite, store, { id, days, now: s.clock.now(), timezone: (await s.settings.get()).timezone });
      if (!stats) throw new ApiError('not_found', `id: rule ${id} does not exist`);
      return stats;
    },
  };
};
