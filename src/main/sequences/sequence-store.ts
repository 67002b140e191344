import type { Database } from 'better-sqlite3';
import type { SequenceDetail, SequenceSummary, StepInput } from '../../shared/contract/schemas/sequences';
import { toIso } from '../../shared/iso-time';
import { inspectTemplate } from '../../shared/templates/inspect-template';
import { knownMergeFields } from '../../shared/templates/merge-data';
import { sequenceSchedule, stepConditionsOf, stopConditions } from './sequence-json';
import { variantResults } from './variant-results';

interface SequenceRow {
  id: number;
  name: string;
  status: SequenceSummary['status'];
  schedule: string | null;
  stop_conditions: string;
  created_at: number;
  updated_at: number;
  steps: number;
  active: number;
  paused: number;
  completed: number;
  stopped: number;
}

interface StepRow {
  id: number;
  position: number;
  type_code: string;
  delay_days: number;
  conditions: string;
  auto_approve: number;
}

interface VariantRow {
  id: number;
  sequence_step_id: number;
  label: string;
  subject: string | null;
  body: string;
  weight: number;
}

/** A problem with a sequence definition, naming the field. */
export class SequenceProblem extends Error {}

const SUMMARY = `SELECT s.id, s.name, s.status, s.schedule, s.stop_conditions, s.created_at, s.updated_at,
  (SELECT COUNT(*) FROM sequence_steps t WHERE t.sequence_id = s.id AND t.deleted_at IS NULL) AS steps,
  (SELECT COUNT(*) FROM enrollments e WHERE e.sequence_id = s.id AND e.status = 'active') AS active,
  (SELECT COUNT(*) FROM enrollments e WHERE e.sequence_id = s.id AND e.status = 'paused') AS paused,
  (SELECT COUNT(*) FROM enrollments e WHERE e.sequence_id = s.id AND e.status = 'completed') AS completed,
  (SELECT COUNT(*) FROM enrollments e WHERE e.sequence_id = s.id AND e.status = 'stopped') AS stopped
  FROM sequences s WHERE s.deleted_at IS NULL`;

const summary = (r: SequenceRow): SequenceSummary => ({
  id: r.id,
  name: r.name,
  status: r.status,
  dailyEnrollmentCap: sequenceSchedule(r.schedule).dailyEnrollmentCap,
  stopOnCompanyReply: stopConditions(r.stop_conditions).companyReplied,
  stepCount: r.steps,
  enrollments: { active: r.active, paused: r.paused, completed: r.completed, stopped: r.stopped },
  createdAt: toIso(r.created_at),
  updatedAt: toIso(r.updated_at),
});

/** What a create or update may set. */
export interface SequenceChanges {
  name?: string | undefined;
  status?: SequenceSummary['status'] | undefined;
  dailyEnrollmentCap?: number | null | undefined;
  stopOnCompanyReply?: boolean | undefined;
  steps?: readonly StepInput[] | undefined;
}

/** Sequences with their steps and variants. Editing steps never touches outreach already created from them. */
export class SequenceStore {
  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {}

  /** Live sequences, newest first. */
  list(): SequenceSummary[] {
    return (this.sqlite.prepare(`${SUMMARY} ORDER BY s.id DESC`).all() as SequenceRow[]).map(summary);
  }

  /** One live sequence with its live steps (in order), variants, their results and unknown merge fields. */
  get(id: number): SequenceDetail | undefined {
    const row = this.sqlite.prepare(`${SUMMARY} AND s.id = ?`).get(id) as SequenceRow | undefined;
    if (!row) return undefined;
    const steps = this.sqlite
      .prepare(`SELECT s.id, s.position, t.code AS type_code, s.delay_days, s.conditions, s.auto_approve FROM sequence_steps s
        JOIN outreach_types t ON t.id = s.outreach_type_id WHERE s.sequence_id = ? AND s.deleted_at IS NULL ORDER BY s.position, s.id`)
      .all(id) as StepRow[];
    const variants = this.sqlite
      .prepare(`SELECT v.id, v.sequence_step_id, v.label, v.subject, v.body, v.weight FROM sequence_variants v JOIN sequence_steps s ON s.id = v.sequence_step_id
        WHERE s.sequence_id = ? AND v.deleted_at IS NULL ORDER BY v.id`)
      .all(id) as VariantRow[];
    const results = variantResults(this.sqlite, id);
    const known = this.knownFields();
    return {
      ...summary(row),
      steps: steps.map((s) => ({
        id: s.id,
        position: s.position,
        typeCode: s.type_code,
        delayDays: s.delay_days,
        autoApprove: s.auto_approve === 1,
        branch: stepConditionsOf(s.conditions).branch,
        variants: variants
          .filter((v) => v.sequence_step_id === s.id)
          .map((v) => ({
            id: v.id,
            label: v.label,
            subject: v.subject,
            body: v.body,
            weight: v.weight,
            results: results.get(v.id) ?? { sent: 0, replied: 0, accepted: 0, bounced: 0 },
            unknownFields: unknownFields(`${v.subject ?? ''}\n${v.body}`, known),
          })),
      })),
    };
  }

  /** Creates a sequence; throws SequenceProblem naming the field when the definition is not valid. */
  create(input: SequenceChanges & { name: string }): SequenceDetail {
    const id = this.sqlite.transaction(() => {
      const now = this.now();
      const seqId = Number(
        this.sqlite
          .prepare("INSERT INTO sequences (name, status, schedule, stop_conditions, created_at, updated_at) VALUES (?, 'draft', ?, ?, ?, ?)")
          .run(input.name, JSON.stringify({ dailyEnrollmentCap: input.dailyEnrollmentCap ?? null }), JSON.stringify({ companyReplied: input.stopOnCompanyReply ?? false }), now, now)
          .lastInsertRowid,
      );
      this.apply(seqId, { ...input, name: undefined });
      return seqId;
    })();
    return this.get(id) as SequenceDetail;
  }

  /** Changes a sequence; undefined when it does not exist. Throws SequenceProblem naming the field. */
  update(id: number, input: SequenceChanges): SequenceDetail | undefined {
    const exists = this.sqlite.prepare('SELECT id FROM sequences WHERE id = ? AND deleted_at IS NULL').get(id);
    if (!exists) return undefined;
    this.sqlite.transaction(() => this.apply(id, input))();
    return this.get(id);
  }

  /** Soft-deletes a sequence; its live enrollments stop as the operator's decision. False when it does not exist. */
  delete(id: number): boolean {
    return this.sqlite.transaction(() => {
      const now = this.now();
      if (this.sqlite.prepare('UPDATE sequences SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id).changes === 0) return false;
      const live = this.sqlite.prepare("SELECT id FROM enrollments WHERE sequence_id = ? AND status IN ('active', 'paused')").all(id) as { id: number }[];
      const stop = this.sqlite.prepare(`UPDATE enrollments SET status = 'stopped', stop_reason = 'operator', next_step_due_at = NULL, finished_at = ?, updated_at = ? WHERE id = ?`);
      const abort = this.sqlite.prepare(`UPDATE outreach SET status = 'aborted', error_kind = 'policy', error_text = 'sequence deleted', finished_at = ?, updated_at = ?
        WHERE enrollment_id = ? AND direction = 'outgoing' AND status = 'pending'`);
      for (const e of live) {
        stop.run(now, now, e.id);
        abort.run(now, now, e.id);
      }
      return true;
    })();
  }

  private knownFields(): Set<string> {
    const names = (this.sqlite.prepare('SELECT DISTINCT name FROM custom_fields WHERE deleted_at IS NULL').all() as { name: string }[]).map((r) => r.name);
    return knownMergeFields(names);
  }

  private apply(id: number, input: SequenceChanges): void {
    const now = this.now();
    const set = (column: string, value: unknown) => this.sqlite.prepare(`UPDATE sequences SET ${column} = ?, updated_at = ? WHERE id = ?`).run(value, now, id);
    if (input.name !== undefined) set('name', input.name);
    if (input.dailyEnrollmentCap !== undefined) set('schedule', JSON.stringify({ dailyEnrollmentCap: input.dailyEnrollmentCap }));
    if (input.stopOnCompanyReply !== undefined) set('stop_conditions', JSON.stringify({ companyReplied: input.stopOnCompanyReply }));
    if (input.steps !== undefined) this.replaceSteps(id, input.steps, now);
    if (input.status !== undefined) {
      if (input.status === 'active') this.checkActivatable(id);
      set('status', input.status);
    }
  }

  /** An active sequence must have steps whose templates only use known merge fields. */
  private checkActivatable(id: number): void {
    const detail = this.get(id);
    if (!detail || detail.steps.length === 0) throw new SequenceProblem('steps: a sequence needs at least one step before it can be active');
    detail.steps.forEach((s, i) =>
      s.variants.forEach((v, j) => {
        if (v.unknownFields.length) throw new SequenceProblem(`steps.${i}.variants.${j}: unknown merge field ${v.unknownFields.join(', ')}`);
      }),
    );
  }

  private replaceSteps(id: number, steps: readonly StepInput[], now: number): void {
    const existing = new Set((this.sqlite.prepare('SELECT id FROM sequence_steps WHERE sequence_id = ? AND deleted_at IS NULL').all(id) as { id: number }[]).map((r) => r.id));
    const typeId = this.sqlite.prepare<[string], { id: number }>('SELECT id FROM outreach_types WHERE code = ?');
    const kept = new Set<number>();
    steps.forEach((step, i) => {
      const type = typeId.get(step.typeCode);
      if (!type) throw new SequenceProblem(`steps.${i}.typeCode: unknown outreach type ${step.typeCode}`);
      if (step.branch && !steps.slice(0, i).some((s) => s.typeCode === 'linkedin_connect' || s.typeCode === 'facebook_friend')) {
        throw new SequenceProblem(`steps.${i}.branch: a branch on acceptance needs an invitation step before it`);
      }
      const conditions = JSON.stringify({ branch: step.branch });
      let stepId = step.id;
      if (stepId !== undefined) {
        if (!existing.has(stepId)) throw new SequenceProblem(`steps.${i}.id: step ${stepId} is not a step of this sequence`);
        this.sqlite
          .prepare('UPDATE sequence_steps SET position = ?, outreach_type_id = ?, delay_days = ?, conditions = ?, auto_approve = ?, updated_at = ? WHERE id = ?')
          .run(i + 1, type.id, step.delayDays, conditions, step.autoApprove ? 1 : 0, now, stepId);
      } else {
        stepId = Number(
          this.sqlite
            .prepare('INSERT INTO sequence_steps (sequence_id, position, outreach_type_id, delay_days, conditions, auto_approve, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
            .run(id, i + 1, type.id, step.delayDays, conditions, step.autoApprove ? 1 : 0, now, now).lastInsertRowid,
        );
      }
      kept.add(stepId);
      this.replaceVariants(stepId, step, i, now);
    });
    const drop = this.sqlite.prepare('UPDATE sequence_steps SET deleted_at = ?, updated_at = ? WHERE id = ?');
    for (const old of existing) if (!kept.has(old)) drop.run(now, now, old);
  }

  private replaceVariants(stepId: number, step: StepInput, i: number, now: number): void {
    const existing = new Set((this.sqlite.prepare('SELECT id FROM sequence_variants WHERE sequence_step_id = ? AND deleted_at IS NULL').all(stepId) as { id: number }[]).map((r) => r.id));
    const kept = new Set<number>();
    step.variants.forEach((v, j) => {
      if (step.typeCode === 'email' && !v.subject?.trim()) throw new SequenceProblem(`steps.${i}.variants.${j}.subject: an email needs a subject`);
      if (v.id !== undefined) {
        if (!existing.has(v.id)) throw new SequenceProblem(`steps.${i}.variants.${j}.id: variant ${v.id} is not a variant of this step`);
        this.sqlite.prepare('UPDATE sequence_variants SET label = ?, subject = ?, body = ?, weight = ?, updated_at = ? WHERE id = ?').run(v.label, v.subject, v.body, v.weight, now, v.id);
        kept.add(v.id);
      } else {
        kept.add(
          Number(
            this.sqlite
              .prepare('INSERT INTO sequence_variants (sequence_step_id, label, subject, body, weight, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
              .run(stepId, v.label, v.subject, v.body, v.weight, now, now).lastInsertRowid,
          ),
        );
      }
    });
    const drop = this.sqlite.prepare('UPDATE sequence_variants SET deleted_at = ?, updated_at = ? WHERE id = ?');
    for (const old of existing) if (!kept.has(old)) drop.run(now, now, old);
  }
}

/** Merge fields a template uses that are not known. */
export const unknownFields = (template: string, known: ReadonlySet<string>): string[] => [...inspectTemplate(template, known).unknown];
