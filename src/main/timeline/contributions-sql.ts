import type { FoldSource } from './fold-sources';

// Each fact spreads over every dimension it has an id for ('all' always: id 0), and over each metric of its source.
const DIMENSIONS = `(VALUES ('all'), ('source'), ('rule'), ('sequence'), ('profile')) d`;
const DIMENSION_ID = `CASE d.column1 WHEN 'all' THEN 0 WHEN 'source' THEN f.source_id WHEN 'rule' THEN f.rule_id WHEN 'sequence' THEN f.sequence_id ELSE f.profile_id END`;
const metricValues = (source: FoldSource) => `(VALUES ${source.metrics.map((m) => `('${m}')`).join(', ')}) m`;
const metricValue = (source: FoldSource) => `CASE m.column1 ${source.metrics.map((m) => `WHEN '${m}' THEN f.${m}`).join(' ')} END`;

/**
 * The statement that adds (sign 1) or removes (sign -1) what the rows matching `rows` contribute to the hourly
 * buckets: facts are summed per hour and attribution first (few groups), then spread over metrics and dimensions.
 * Zero counts never reach the table. The same text serves the fold, the rebuild and the recount triggers, so the
 * three can never disagree.
 */
export function addContributionsSql(source: FoldSource, rows: string, sign: 1 | -1): string {
  const sums = source.metrics.map((m) => `sum(${m}) AS ${m}`).join(', ');
  return `
INSERT INTO timeline_buckets (dimension_kind, dimension_id, bucket_at, metric, value)
SELECT d.column1, ${DIMENSION_ID} AS dimension_id, f.bucket_at, m.column1, ${sign === 1 ? '' : '-'}sum(${metricValue(source)})
FROM (
  SELECT bucket_at, source_id, rule_id, sequence_id, profile_id, ${sums}
  FROM (${source.facts(rows)})
  GROUP BY bucket_at, source_id, rule_id, sequence_id, profile_id
) f CROSS JOIN ${metricValues(source)} CROSS JOIN ${DIMENSIONS}
WHERE dimension_id IS NOT NULL AND ${metricValue(source)} > 0
GROUP BY 1, 2, 3, 4
ON CONFLICT DO UPDATE SET value = value + excluded.value`;
}

/** Deletes the buckets a removal brought to zero, among those the rows matching `rows` contribute to. */
export function dropEmptiedSql(source: FoldSource, rows: string): string {
  return `
DELETE FROM timeline_buckets WHERE value = 0 AND (dimension_kind, dimension_id, bucket_at, metric) IN (
  SELECT d.column1, ${DIMENSION_ID}, f.bucket_at, m.column1
  FROM (${source.facts(rows)}) f CROSS JOIN ${metricValues(source)} CROSS JOIN ${DIMENSIONS}
)`;
}
