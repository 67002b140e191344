import type { TimelineMetric } from '../../shared/contract/schemas/timeline';

/** The tables whose rows the timeline counts. */
export type CountedTable = 'jobs' | 'enrichments' | 'outreach' | 'tracking_events' | 'rule_instances';

/**
 * Where counted rows come from and what each contributes. `facts(rows)` selects, for the rows matching the SQL
 * condition `rows` on the table's id, one line per row: bucket_at, the row's source, rule, sequence and profile (NULL
 * where the dimension does not apply), and one column per metric of `metrics`, named after it, with the row's count.
 */
export interface FoldSource {
  readonly name: string;
  readonly table: CountedTable;
  /** The partial index of the table's uncounted rows (the planner may otherwise walk every finished row by status). */
  readonly index: string;
  /** Condition (on the table's own columns) of rows that are finished and not yet counted; `?` is the batch size. */
  readonly uncounted: string;
  readonly metrics: readonly TimelineMetric[];
  readonly facts: (rows: string) => string;
  /** Every column of the table that `facts` reads: a change to one of them in a counted row recounts it. */
  readonly watched: readonly string[];
}

// the start of the UTC hour a row counts in
const hourOf = (column: string) => `(${column}) / 3600000 * 3600000 AS bucket_at`;
const FINISHED = `finished_at IS NOT NULL AND status IN ('performed', 'failed', 'aborted', 'canceled')`;

// Attribution of an outreach row: a reply or acceptance inherits the rule, sequence and profile of the message it answers.
const ATTRIBUTION_JOINS = `
  LEFT JOIN outreach p ON p.id = o.parent_outreach_id
  LEFT JOIN rule_instances ri ON ri.id = coalesce(o.rule_instance_id, p.rule_instance_id)
  LEFT JOIN enrollments en ON en.id = coalesce(o.enrollment_id, p.enrollment_id)
  LEFT JOIN sequence_steps st ON st.id = coalesce(o.sequence_step_id, p.sequence_step_id)`;
const ATTRIBUTION = 'ri.rule_id AS rule_id, coalesce(en.sequence_id, st.sequence_id) AS sequence_id, coalesce(o.profile_id, p.profile_id) AS profile_id';

const outreachFacts = (rows: string) => `
  SELECT ${hourOf('coalesce(o.occurred_at, o.finished_at, o.created_at)')}, NULL AS source_id, ${ATTRIBUTION},
    o.direction = 'outgoing' AND o.status = 'performed' AS outreach_performed,
    o.direction = 'accepted' AS accepted,
    o.incoming_kind IS 'reply' AS replied,
    o.incoming_kind IS 'auto_reply' AS auto_replied,
    o.incoming_kind IS 'hard_bounce' OR o.incoming_kind IS 'soft_bounce' AS bounced,
    o.incoming_kind IS 'unsubscribe' AS unsubscribed
  FROM outreach o ${ATTRIBUTION_JOINS}
  WHERE o.id ${rows}`;
const OUTREACH_METRICS: readonly TimelineMetric[] = ['outreach_performed', 'accepted', 'replied', 'auto_replied', 'bounced', 'unsubscribed'];
const OUTREACH_WATCHED = ['direction', 'incoming_kind', 'status', 'occurred_at', 'finished_at', 'created_at', 'profile_id', 'parent_outreach_id', 'rule_instance_id', 'enrollment_id', 'sequence_step_id'];

/** Every source of counted rows, in folding order. Outreach has two: sent rows wait to finish, received rows count at once. */
export const foldSources: readonly FoldSource[] = [
  {
    name: 'jobs',
    table: 'jobs',
    index: 'jobs_uncounted',
    uncounted: `timeline_counted_at IS NULL AND ${FINISHED}`,
    metrics: ['jobs_performed', 'events', 'unique_events', 'new_leads', 'new_companies'],
    facts: (rows) => `
      SELECT ${hourOf('j.finished_at')}, j.source_id AS source_id, NULL AS rule_id, NULL AS sequence_id, j.profile_id AS profile_id,
        j.status = 'performed' AS jobs_performed, j.events_seen AS events, j.events_new AS unique_events, j.leads_new AS new_leads, j.companies_new AS new_companies
      FROM jobs j
      WHERE j.id ${rows}`,
    watched: ['status', 'finished_at', 'events_seen', 'events_new', 'leads_new', 'companies_new', 'source_id', 'profile_id'],
  },
  {
    name: 'enrichments',
    table: 'enrichments',
    index: 'enrichments_uncounted',
    uncounted: `timeline_counted_at IS NULL AND ${FINISHED}`,
    metrics: ['enrichments_performed', 'enrichment_hits'],
    facts: (rows) => `
      SELECT ${hourOf('e.finished_at')}, NULL AS source_id, ri.rule_id AS rule_id, NULL AS sequence_id, e.profile_id AS profile_id,
        e.status = 'performed' AS enrichments_performed, e.status = 'performed' AND e.hit IS 1 AS enrichment_hits
      FROM enrichments e LEFT JOIN rule_instances ri ON ri.id = e.rule_instance_id
      WHERE e.id ${rows}`,
    watched: ['status', 'finished_at', 'hit', 'profile_id', 'rule_instance_id'],
  },
  {
    name: 'outreach sent',
    table: 'outreach',
    index: 'outreach_uncounted',
    uncounted: `timeline_counted_at IS NULL AND ${FINISHED} AND direction = 'outgoing'`,
    metrics: OUTREACH_METRICS,
    facts: outreachFacts,
    watched: OUTREACH_WATCHED,
  },
  {
    name: 'outreach received',
    table: 'outreach',
    index: 'outreach_uncounted_received',
    uncounted: `timeline_counted_at IS NULL AND direction <> 'outgoing'`,
    metrics: OUTREACH_METRICS,
    facts: outreachFacts,
    watched: OUTREACH_WATCHED,
  },
  {
    name: 'tracking',
    table: 'tracking_events',
    index: 'tracking_events_uncounted',
    uncounted: 'timeline_counted_at IS NULL',
    // an unsubscribe link's hit is counted as the incoming 'unsubscribe' row it creates, not here
    metrics: ['opened', 'clicked'],
    facts: (rows) => `
      SELECT ${hourOf('t.occurred_at')}, NULL AS source_id, ${ATTRIBUTION}, l.kind = 'open' AS opened, l.kind = 'click' AS clicked
      FROM tracking_events t JOIN tracking_links l ON l.id = t.tracking_link_id JOIN outreach o ON o.id = l.outreach_id ${ATTRIBUTION_JOINS}
      WHERE t.id ${rows}`,
    watched: ['tracking_link_id', 'occurred_at'],
  },
  {
    name: 'rule instances',
    table: 'rule_instances',
    index: 'rule_instances_uncounted',
    uncounted: `timeline_counted_at IS NULL AND ${FINISHED}`,
    metrics: ['rule_instances_performed'],
    facts: (rows) => `
      SELECT ${hourOf('r.finished_at')}, NULL AS source_id, r.rule_id AS rule_id, NULL AS sequence_id, NULL AS profile_id,
        r.status = 'performed' AS rule_instances_performed
      FROM rule_instances r
      WHERE r.id ${rows}`,
    watched: ['status', 'finished_at', 'rule_id'],
  },
];

/** The tables of `foldSources`, each once. */
export const countedTables: readonly CountedTable[] = [...new Set(foldSources.map((s) => s.table))];
