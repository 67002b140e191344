import type { RuleTargetKind, RuleTriggerKind } from '../../shared/contract/schemas/rules';

/** What a stored rule's trigger reads: the kind and its narrowing ids, and the target kind of a tag trigger. */
export interface StoredTrigger {
  readonly kind: RuleTriggerKind;
  readonly sourceId: number | null;
  readonly tagId: number | null;
  readonly ruleId: number | null;
  readonly tagTarget: 'lead' | 'company';
}

/**
 * A trigger's rows as SQL: `rows` selects `trigger_id, target_id, at, parent_id` of the trigger rows with
 * `after < id <= upTo` (the first two parameters, then `params`), `maxId` the highest id of the table the cursor runs on.
 */
export interface TriggerRows {
  readonly rows: string;
  readonly params: readonly unknown[];
  readonly maxId: string;
}

const OUTREACH_CONDITION: Partial<Record<RuleTriggerKind, string>> = {
  reply: "o0.direction = 'incoming' AND o0.incoming_kind = 'reply'",
  acceptance: "o0.direction = 'accepted'",
  bounce: "o0.direction = 'incoming' AND o0.incoming_kind IN ('hard_bounce', 'soft_bounce')",
  unsubscribe: "o0.direction = 'incoming' AND o0.incoming_kind = 'unsubscribe'",
};

const maxOf = (table: string) => `SELECT coalesce(max(id), 0) FROM ${table}`;

/** Rows of a creation seen by one source's events (the event that created the lead or company). */
function sourceCreated(column: 'lead' | 'company', sourceId: number): TriggerRows {
  return {
    rows: `SELECT e0.id AS trigger_id, e0.${column}_id AS target_id, e0.created_at AS at, NULL AS parent_id FROM events e0
      WHERE e0.id > ? AND e0.id <= ? AND e0.source_id = ? AND e0.${column}_created = 1 AND e0.${column}_id IS NOT NULL`,
    params: [sourceId],
    maxId: maxOf('events'),
  };
}

/** The SQL that lists a trigger's rows by id range, for the scan (cursor) and the dry run (everything). */
export function triggerRows(t: StoredTrigger): TriggerRows {
  switch (t.kind) {
    case 'lead_created':
    case 'company_created': {
      const column = t.kind === 'lead_created' ? 'lead' : 'company';
      if (t.sourceId !== null) return sourceCreated(column, t.sourceId);
      const table = column === 'lead' ? 'leads' : 'companies';
      return {
        rows: `SELECT r0.id AS trigger_id, r0.id AS target_id, r0.created_at AS at, NULL AS parent_id FROM ${table} r0 WHERE r0.id > ? AND r0.id <= ?`,
        params: [],
        maxId: maxOf(table),
      };
    }
    case 'event_created':
      return {
        rows: `SELECT e0.id AS trigger_id, e0.id AS target_id, e0.created_at AS at, NULL AS parent_id FROM events e0
          WHERE e0.id > ? AND e0.id <= ?${t.sourceId === null ? '' : ' AND e0.source_id = ?'}`,
        params: t.sourceId === null ? [] : [t.sourceId],
        maxId: maxOf('events'),
      };
    case 'tag_added':
      return {
        rows: `SELECT g0.id AS trigger_id, g0.target_id AS target_id, g0.created_at AS at, NULL AS parent_id FROM tag_links g0
          WHERE g0.id > ? AND g0.id <= ? AND g0.tag_id = ? AND g0.target_kind = ?`,
        params: [t.tagId, t.tagTarget],
        maxId: maxOf('tag_links'),
      };
    case 'rule_performed':
      return {
        rows: `SELECT c0.id AS trigger_id, i0.target_id AS target_id, c0.completed_at AS at, i0.id AS parent_id
          FROM rule_completions c0 JOIN rule_instances i0 ON i0.id = c0.rule_instance_id
          WHERE c0.id > ? AND c0.id <= ? AND c0.rule_id = ?`,
        params: [t.ruleId],
        maxId: maxOf('rule_completions'),
      };
    case 'click':
      return {
        rows: `SELECT t0.id AS trigger_id, o0.lead_id AS target_id, t0.occurred_at AS at, NULL AS parent_id
          FROM tracking_events t0 JOIN tracking_links k0 ON k0.id = t0.tracking_link_id AND k0.kind = 'click' JOIN outreach o0 ON o0.id = k0.outreach_id
          WHERE t0.id > ? AND t0.id <= ?`,
        params: [],
        maxId: maxOf('tracking_events'),
      };
    default:
      return {
        rows: `SELECT o0.id AS trigger_id, o0.lead_id AS target_id, o0.created_at AS at, NULL AS parent_id FROM outreach o0
          WHERE o0.id > ? AND o0.id <= ? AND ${OUTREACH_CONDITION[t.kind] ?? '0'}`,
        params: [],
        maxId: maxOf('outreach'),
      };
  }
}

/** The kind of record a trigger's rows are about; a rule triggered by another rule acts on that rule's targets. */
export function ownTargetKind(t: Pick<StoredTrigger, 'kind' | 'tagTarget'>): RuleTargetKind | null {
  switch (t.kind) {
    case 'event_created':
      return 'event';
    case 'company_created':
      return 'company';
    case 'tag_added':
      return t.tagTarget;
    case 'rule_performed':
      return null;
    default:
      return 'lead';
  }
}
