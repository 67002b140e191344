import type { Database } from 'better-sqlite3';
import { RuleProblem } from './rule-problem';

/** The parts of a rule that link it to others: what fires it and what it does. */
export interface RuleLinks {
  readonly id: number;
  readonly name: string;
  readonly trigger_kind: string;
  readonly trigger_rule_id: number | null;
  readonly trigger_tag_id: number | null;
  readonly action_kind: string;
  readonly tag_id: number | null;
  readonly delay_seconds: number;
}

// X fires Y when Y runs after X performs, or when X adds the tag Y is triggered by.
const fires = (x: RuleLinks, y: RuleLinks): boolean =>
  (y.trigger_kind === 'rule_performed' && y.trigger_rule_id === x.id) ||
  (y.trigger_kind === 'tag_added' && x.action_kind === 'add_tag' && x.tag_id === y.trigger_tag_id);

/**
 * Refuses a rule that would close a loop of rules firing each other where no rule waits (every delay zero): such a
 * loop would run through its records at once. A loop with a delay somewhere is allowed (each target runs a rule once).
 */
export function assertNoInstantLoop(sqlite: Database, candidate: RuleLinks): void {
  if (candidate.delay_seconds > 0) return;
  const others = sqlite
    .prepare<[number], RuleLinks>(
      `SELECT id, name, trigger_kind, trigger_rule_id, trigger_tag_id, action_kind, tag_id, delay_seconds FROM rules
       WHERE deleted_at IS NULL AND id <> ? AND delay_seconds = 0`,
    )
    .all(candidate.id);
  const rules = [candidate, ...others];
  const seen = new Set<number>();
  const walk = (from: RuleLinks, path: RuleLinks[]): RuleLinks[] | null => {
    for (const next of rules.filter((r) => fires(from, r))) {
      if (next.id === candidate.id) return path;
      if (seen.has(next.id)) continue;
      seen.add(next.id);
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return null;
  };
  const loop = walk(candidate, [candidate]);
  if (loop) {
    const names = [...loop, candidate].map((r) => `"${r.name}"`).join(' -> ');
    throw new RuleProblem('delaySeconds', `rules trigger each other in a loop without any delay (${names}); give one of them a delay`);
  }
}
