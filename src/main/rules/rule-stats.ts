import type { Database } from 'better-sqlite3';
import type { RuleStats } from '../../shared/contract/schemas/rules';
import { readSeries } from '../timeline/timeline-series';
import type { RuleStore } from './rule-store';

const DAY = 86_400_000;

/**
 * A rule's counters, the outcomes of what it created (the timeline's per-rule counters: sends, replies, acceptances,
 * bounces, enrichments and hits, as folded so far) and a daily series of performed instances, replies and acceptances.
 */
export function ruleStats(sqlite: Database, store: RuleStore, input: { id: number; days: number; now: number; timezone: string }): RuleStats | undefined {
  const rule = store.get(input.id);
  if (!rule) return undefined;
  const totals = new Map(
    sqlite
      .prepare<[number], { metric: string; value: number }>("SELECT metric, sum(value) AS value FROM timeline_buckets WHERE dimension_kind = 'rule' AND dimension_id = ? GROUP BY metric")
      .all(input.id)
      .map((r) => [r.metric, r.value]),
  );
  const total = (metric: string) => totals.get(metric) ?? 0;
  const series = readSeries(
    sqlite,
    {
      metrics: ['rule_instances_performed', 'replied', 'accepted'],
      dimension: { kind: 'rule', id: input.id },
      from: new Date(input.now - (input.days - 1) * DAY).toISOString(),
      to: new Date(input.now + 1).toISOString(),
      step: 'day',
    },
    input.timezone,
  );
  return {
    id: rule.id,
    counters: rule.counters,
    outcomes: {
      outreachPerformed: total('outreach_performed'),
      replied: total('replied'),
      accepted: total('accepted'),
      bounced: total('bounced'),
      enrichmentsPerformed: total('enrichments_performed'),
      enrichmentHits: total('enrichment_hits'),
    },
    daily: series.points.map((p) => ({ at: p.at, performed: p.values.rule_instances_performed ?? 0, replied: p.values.replied ?? 0, accepted: p.values.accepted ?? 0 })),
  };
}
