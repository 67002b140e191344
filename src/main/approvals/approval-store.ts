import type { Database, Statement } from 'better-sqlite3';
import type { z } from 'zod';
import type { ApprovalItem, approvalsFilter, taskItem } from '../../shared/contract/schemas/approvals';
import { toIso } from '../../shared/iso-time';
import { inspectTemplate } from '../../shared/templates/inspect-template';
import { knownMergeFields } from '../../shared/templates/merge-data';
import { LeadMergeValues } from '../outreach/lead-merge-values';
import { renderForLead } from '../outreach/render-for-lead';
import { leadLabelSql } from '../sequences/lead-label';

/** Which waiting messages. */
export type ApprovalsFilter = z.infer<typeof approvalsFilter>;
type TaskItem = z.infer<typeof taskItem>;

interface Row {
  id: number;
  lead_id: number;
  lead_label: string | null;
  type_code: string;
  lead_address: string | null;
  subject: string | null;
  body: string | null;
  rule_id: number | null;
  rule_name: string | null;
  sequence_id: number | null;
  sequence_name: string | null;
  step_id: number | null;
  step_position: number | null;
  variant_label: string | null;
  created_at: number;
  due_at: number;
}

const SELECT = `SELECT o.id, o.lead_id, ${leadLabelSql('l')} AS lead_label, t.code AS type_code, o.lead_address, o.subject, o.body,
  r.id AS rule_id, r.name AS rule_name, e.sequence_id, q.name AS sequence_name, o.sequence_step_id AS step_id, st.position AS step_position,
  v.label AS variant_label, o.created_at, o.due_at
  FROM outreach o JOIN outreach_types t ON t.id = o.outreach_type_id JOIN leads l ON l.id = o.lead_id
  LEFT JOIN rule_instances ri ON ri.id = o.rule_instance_id LEFT JOIN rules r ON r.id = ri.rule_id
  LEFT JOIN enrollments e ON e.id = o.enrollment_id LEFT JOIN sequences q ON q.id = e.sequence_id
  LEFT JOIN sequence_steps st ON st.id = o.sequence_step_id LEFT JOIN sequence_variants v ON v.id = o.sequence_variant_id`;

const FILTER = `(@typeCode IS NULL OR t.code = @typeCode) AND (@ruleId IS NULL OR r.id = @ruleId)
  AND (@sequenceId IS NULL OR e.sequence_id = @sequenceId) AND (@stepId IS NULL OR o.sequence_step_id = @stepId)`;

const WAITING = "o.direction = 'outgoing' AND o.status = 'pending' AND o.approval = 'pending'";

const origin = (r: Row) => ({
  ruleId: r.rule_id,
  ruleName: r.rule_name,
  sequenceId: r.sequence_id,
  sequenceName: r.sequence_name,
  stepId: r.step_id,
  stepPosition: r.step_position,
  variantLabel: r.variant_label,
});

const params = (f: ApprovalsFilter) => ({ typeCode: f.typeCode ?? null, ruleId: f.ruleId ?? null, sequenceId: f.sequenceId ?? null, stepId: f.stepId ?? null });

/** Outcome of a decision over many messages. */
export interface Decided {
  decided: number;
  skipped: { id: number; reason: string }[];
}

/** The approval queue: outgoing messages waiting for the operator, and the manual tasks sequences hand over. */
export class ApprovalStore {
  private readonly page: Statement<Record<string, unknown>, Row>;
  private readonly one: Statement<[number], Row>;
  private readonly matching: Statement<Record<string, unknown>, { id: number }>;
  private readonly approveRow: Statement<[number, number, number]>;
  private readonly rejectRow: Statement<[number, number, number]>;
  private readonly setText: Statement<[string | null, string, number, number]>;
  private readonly tasksPage: Statement<[number], Row>;
  private readonly doneTask: Statement<[number, number, number, number]>;
  private readonly merge: LeadMergeValues;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {
    this.page = sqlite.prepare(`${SELECT} WHERE ${WAITING} AND ${FILTER} AND o.id > @afterId ORDER BY o.id LIMIT @limit`);
    this.one = sqlite.prepare(`${SELECT} WHERE o.id = ? AND ${WAITING}`);
    this.matching = sqlite.prepare(`SELECT o.id FROM outreach o JOIN outreach_types t ON t.id = o.outreach_type_id
      LEFT JOIN rule_instances ri ON ri.id = o.rule_instance_id LEFT JOIN rules r ON r.id = ri.rule_id LEFT JOIN enrollments e ON e.id = o.enrollment_id
      WHERE ${WAITING} AND ${FILTER} AND o.id > @afterId ORDER BY o.id LIMIT @limit`);
    this.approveRow = sqlite.prepare(`UPDATE outreach SET approval = 'approved', approved_at = ?, updated_at = ? WHERE id = ? AND direction = 'outgoing' AND status = 'pending' AND approval = 'pending'`);
    this.rejectRow = sqlite.prepare(`UPDATE outreach SET approval = 'rejected', status = 'canceled', finished_at = ?, updated_at = ?
      WHERE id = ? AND direction = 'outgoing' AND status = 'pending' AND approval = 'pending'`);
    this.setText = sqlite.prepare(`UPDATE outreach SET subject = ?, body = ?, updated_at = ? WHERE id = ? AND status = 'pending' AND approval = 'pending'`);
    this.tasksPage = sqlite.prepare(`${SELECT} WHERE o.direction = 'outgoing' AND o.status = 'pending' AND t.code = 'manual_task' AND o.approval IN ('approved', 'auto')
      ORDER BY o.due_at, o.id LIMIT ?`);
    this.doneTask = sqlite.prepare(`UPDATE outreach SET status = 'performed', occurred_at = ?, finished_at = ?, updated_at = ?
      WHERE id = ? AND status = 'pending' AND outreach_type_id = (SELECT id FROM outreach_types WHERE code = 'manual_task')`);
    this.merge = new LeadMergeValues(sqlite);
  }

  /** A page of waiting messages, oldest first. */
  list(filter: ApprovalsFilter, afterId: number, limit: number): ApprovalItem[] {
    const known = this.known();
    return this.page.all({ ...params(filter), afterId, limit }).map((r) => this.item(r, known));
  }

  /** One waiting message, or undefined when it does not wait any more. */
  get(id: number): ApprovalItem | undefined {
    const row = this.one.get(id);
    return row && this.item(row, this.known());
  }

  /**
   * Rewrites a waiting message; merge fields in the new text are rendered for the lead. Returns an error naming the
   * field for an unknown merge field, undefined when the message does not wait any more.
   */
  edit(id: number, change: { subject?: string | null | undefined; body?: string | undefined }): ApprovalItem | { error: string } | undefined {
    const row = this.one.get(id);
    if (!row) return undefined;
    const data = this.merge.of(row.lead_id);
    if (!data) return undefined;
    const subject = change.subject === undefined ? row.subject : change.subject;
    const rendered = renderForLead(row.lead_id, data, { subject: subject ?? '', body: change.body ?? row.body ?? '' });
    if (rendered.unknown.length) return { error: `${change.body !== undefined ? 'body' : 'subject'}: unknown merge field ${rendered.unknown.join(', ')}` };
    this.setText.run(subject === null ? null : rendered.subject, rendered.body, this.now(), id);
    return this.get(id);
  }

  /** Approves messages by id or every one matching a filter; a message with unknown merge fields is skipped. */
  approve(target: { ids?: readonly number[] | undefined; all?: ApprovalsFilter | undefined }): Decided {
    const known = this.known();
    return this.decide(target, (id) => {
      const row = this.one.get(id);
      if (!row) return 'not waiting for approval';
      if (this.item(row, known).unknownFields.length) return 'unknown merge fields';
      const now = this.now();
      return this.approveRow.run(now, now, id).changes === 1 ? null : 'not waiting for approval';
    });
  }

  /** Rejects messages by id or every one matching a filter: they are canceled and never sent. */
  reject(target: { ids?: readonly number[] | undefined; all?: ApprovalsFilter | undefined }): Decided {
    return this.decide(target, (id) => {
      const now = this.now();
      return this.rejectRow.run(now, now, id).changes === 1 ? null : 'not waiting for approval';
    });
  }

  /**
   * Makes the rule or sequence step that created a message approve its messages from now on, and approves the ones
   * of that origin waiting now. Undefined when the message does not wait; an error when nothing created it.
   */
  autoApprove(id: number): { origin: 'rule' | 'step'; approved: number } | { error: string } | undefined {
    const row = this.one.get(id);
    if (!row) return undefined;
    const now = this.now();
    if (row.step_id !== null) {
      this.sqlite.prepare('UPDATE sequence_steps SET auto_approve = 1, updated_at = ? WHERE id = ?').run(now, row.step_id);
      return { origin: 'step', approved: this.approve({ all: { stepId: row.step_id } }).decided };
    }
    if (row.rule_id !== null) {
      this.sqlite.prepare('UPDATE rules SET auto_approve = 1, updated_at = ? WHERE id = ?').run(now, row.rule_id);
      return { origin: 'rule', approved: this.approve({ all: { ruleId: row.rule_id } }).decided };
    }
    return { error: 'id: this message was composed by hand; no rule or step created it' };
  }

  /** Manual tasks of sequences waiting to be done, soonest first. */
  tasks(limit: number): TaskItem[] {
    return this.tasksPage.all(limit).map((r) => ({ id: r.id, leadId: r.lead_id, leadLabel: r.lead_label, subject: r.subject, body: r.body, origin: origin(r), dueAt: toIso(r.due_at) }));
  }

  /** Marks a manual task done (the sequence counts its delay from now); false when it is not an open task. */
  completeTask(id: number): boolean {
    const now = this.now();
    return this.doneTask.run(now, now, now, id).changes === 1;
  }

  private decide(target: { ids?: readonly number[] | undefined; all?: ApprovalsFilter | undefined }, one: (id: number) => string | null): Decided {
    const result: Decided = { decided: 0, skipped: [] };
    const apply = (ids: readonly number[]) =>
      this.sqlite.transaction(() => {
        for (const id of ids) {
          const skipped = one(id);
          if (skipped === null) result.decided += 1;
          else if (result.skipped.length < 1000) result.skipped.push({ id, reason: skipped });
        }
      })();
    if (target.ids) {
      apply(target.ids);
      return result;
    }
    let afterId = 0;
    for (;;) {
      const ids = this.matching.all({ ...params(target.all ?? {}), afterId, limit: 1000 }).map((r) => r.id);
      if (ids.length === 0) return result;
      apply(ids);
      afterId = ids.at(-1) ?? afterId;
    }
  }

  private known(): Set<string> {
    const names = (this.sqlite.prepare('SELECT DISTINCT name FROM custom_fields WHERE deleted_at IS NULL').all() as { name: string }[]).map((r) => r.name);
    return knownMergeFields(names);
  }

  private item(r: Row, known: ReadonlySet<string>): ApprovalItem {
    return {
      id: r.id,
      leadId: r.lead_id,
      leadLabel: r.lead_label,
      typeCode: r.type_code,
      address: r.lead_address,
      subject: r.subject,
      body: r.body,
      unknownFields: [...inspectTemplate(`${r.subject ?? ''}\n${r.body ?? ''}`, known).unknown],
      origin: origin(r),
      createdAt: toIso(r.created_at),
    };
  }
}
