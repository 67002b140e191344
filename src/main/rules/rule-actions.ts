import type { Database, Statement } from 'better-sqlite3';
import type { RuleTargetKind } from '../../shared/contract/schemas/rules';
import { createOutreach } from '../outreach/create-outreach';
import { enrollLeads } from '../sequences/enroll';
import { configOf, type RuleRow } from './rule-record';

/** One due instance: which rule, and which record. */
export interface DueInstance {
  readonly id: number;
  readonly rule_id: number;
  readonly target_kind: RuleTargetKind;
  readonly target_id: number;
}

/** How performing an instance ended: done, refused for good (`aborted` by policy, `failed` otherwise), or try again at `retryAt`. */
export type ActionOutcome =
  | { readonly status: 'performed'; readonly completes: boolean; readonly awaitsApproval?: boolean }
  | { readonly status: 'aborted' | 'failed'; readonly errorKind: 'policy' | 'permanent'; readonly text: string }
  | { readonly status: 'retry'; readonly retryAt: number; readonly text: string };

interface Statements {
  readonly subject: Statement<[{ kind: string; id: number }], { lead_id: number | null; company_id: number | null }>;
  readonly addTag: Statement<[number, string, number, number, number]>;
  readonly removeTag: Statement<[number, number, number, string, number]>;
  readonly enrichmentTarget: Statement<[number], { target_kind: 'lead' | 'company' }>;
  readonly insertEnrichment: Statement<unknown[]>;
  readonly tagEnrichment: Statement<[number, number, number, number]>;
}

const cache = new WeakMap<Database, Statements>();

function statements(sqlite: Database): Statements {
  let st = cache.get(sqlite);
  if (!st) {
    st = {
      // The lead and company a target stands for: an event's lead, and the company of the event or of its lead.
      subject: sqlite.prepare(`SELECT
          CASE :kind WHEN 'lead' THEN l.id WHEN 'event' THEN e.lead_id END AS lead_id,
          CASE :kind WHEN 'company' THEN :id WHEN 'lead' THEN l.company_id ELSE coalesce(e.company_id, el.company_id) END AS company_id
        FROM (SELECT 1) LEFT JOIN leads l ON :kind = 'lead' AND l.id = :id AND l.deleted_at IS NULL
        LEFT JOIN events e ON :kind = 'event' AND e.id = :id LEFT JOIN leads el ON el.id = e.lead_id AND el.deleted_at IS NULL`),
      addTag: sqlite.prepare(`INSERT OR IGNORE INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_by_id, created_at)
        VALUES (?, ?, ?, 'rule', ?, ?)`),
      removeTag: sqlite.prepare(`UPDATE tag_links SET removed_at = ?, removed_by_kind = 'rule', removed_by_id = ?
        WHERE tag_id = ? AND target_kind = ? AND target_id = ? AND removed_at IS NULL`),
      enrichmentTarget: sqlite.prepare('SELECT target_kind FROM enrichment_types WHERE id = ?'),
      insertEnrichment: sqlite.prepare(`INSERT INTO enrichments (enrichment_type_id, lead_id, company_id, rule_instance_id, params, approval, approved_at,
          idempotency_key, due_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      tagEnrichment: sqlite.prepare(`INSERT OR IGNORE INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_by_id, created_at)
        VALUES (?, 'enrichment', ?, 'rule', ?, ?)`),
    };
    cache.set(sqlite, st);
  }
  return st;
}

const HOUR = 3_600_000;
const refused = (text: string, policy: boolean): ActionOutcome => ({ status: policy ? 'aborted' : 'failed', errorKind: policy ? 'policy' : 'permanent', text });

/**
 * Runs a rule's action for one instance, inside the caller's transaction. Tags and enrollments complete at once
 * (`completes`); an outreach or enrichment completes when the row it created is performed (a trigger records it).
 */
export function performAction(sqlite: Database, rule: RuleRow, instance: DueInstance, now: number): ActionOutcome {
  const st = statements(sqlite);
  const subject = st.subject.get({ kind: instance.target_kind, id: instance.target_id }) ?? { lead_id: null, company_id: null };
  const tagTarget = (): ['lead' | 'company', number] | null =>
    instance.target_kind === 'company' ? ['company', instance.target_id] : subject.lead_id !== null ? ['lead', subject.lead_id] : subject.company_id !== null ? ['company', subject.company_id] : null;
  switch (rule.action_kind) {
    case 'add_tag':
    case 'remove_tag': {
      const target = tagTarget();
      if (!target) return refused(`${instance.target_kind} ${instance.target_id} has no lead or company to tag`, false);
      if (rule.action_kind === 'add_tag') st.addTag.run(rule.tag_id ?? 0, target[0], target[1], instance.id, now);
      else st.removeTag.run(now, instance.id, rule.tag_id ?? 0, target[0], target[1]);
      return { status: 'performed', completes: true };
    }
    case 'outreach': {
      if (subject.lead_id === null) return refused(`${instance.target_kind} ${instance.target_id} has no lead`, false);
      const config = configOf(rule);
      const result = createOutreach(sqlite, {
        leadId: subject.lead_id,
        typeCode: rule.outreach_code ?? '',
        subject: config.subject,
        body: config.body ?? '',
        approval: rule.auto_approve === 1 ? 'auto' : 'pending',
        ruleInstanceId: instance.id,
        tagId: rule.tag_id,
        now,
      });
      if ('refused' in result) return refused(result.detail, result.refused === 'suppressed' || result.refused === 'no_address');
      return { status: 'performed', completes: false, awaitsApproval: rule.auto_approve !== 1 };
    }
    case 'enrichment': {
      const kind = st.enrichmentTarget.get(rule.enrichment_type_id ?? 0)?.target_kind ?? 'lead';
      const leadId = kind === 'lead' ? subject.lead_id : null;
      const companyId = kind === 'company' ? subject.company_id : null;
      if (leadId === null && companyId === null) return refused(`${instance.target_kind} ${instance.target_id} has no ${kind} to enrich`, false);
      const auto = rule.auto_approve === 1;
      const id = Number(
        st.insertEnrichment.run(
          rule.enrichment_type_id,
          leadId,
          companyId,
          instance.id,
          JSON.stringify(configOf(rule).params ?? {}),
          auto ? 'auto' : 'pending',
          auto ? now : null,
          `rule-instance:${instance.id}`,
          now,
          now,
          now,
        ).lastInsertRowid,
      );
      if (rule.tag_id !== null) st.tagEnrichment.run(rule.tag_id, id, instance.id, now);
      return { status: 'performed', completes: false };
    }
    case 'enroll': {
      if (subject.lead_id === null) return refused(`${instance.target_kind} ${instance.target_id} has no lead`, false);
      const result = enrollLeads(sqlite, { sequenceId: rule.sequence_id ?? 0, leadIds: [subject.lead_id], ruleInstanceId: instance.id, now });
      const refusal = result.refused[0];
      if (!refusal) return { status: 'performed', completes: true };
      // the cap frees up tomorrow: try again later without spending the instance
      if (refusal.reason === 'daily_cap') return { status: 'retry', retryAt: now + HOUR, text: 'sequence daily enrollment cap reached' };
      return refused(`enrollment refused: ${refusal.reason}`, true);
    }
  }
}
