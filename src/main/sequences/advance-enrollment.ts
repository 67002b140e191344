import type { Database } from 'better-sqlite3';
import { createOutreach } from '../outreach/create-outreach';
import { isSuppressed } from '../suppression/is-suppressed';
import { chooseVariant, variantSeed } from './choose-variant';
import { addSendingDays, type SendingCalendar } from './sending-calendar';
import type { DueRow, SequenceStatements, StepRow } from './sequence-statements';
import { stepConditionsOf, stopConditions } from './sequence-json';
import { stopEnrollment, type StopReason } from './stop-enrollments';

const DAY_MS = 86_400_000;
/** How soon an enrollment whose last message is not sent yet (waiting for approval or a slot) looks again. */
export const RECHECK_MS = 3_600_000;

/** What advancing one enrollment did. */
export type Advance = 'waiting' | 'created' | 'skipped' | 'completed' | 'stopped';

/** What the loop knows during one batch. */
export interface AdvanceContext {
  readonly sqlite: Database;
  readonly st: SequenceStatements;
  readonly calendar: SendingCalendar;
  readonly now: number;
  /** Per-batch cache of sequences: active and whether a colleague's reply stops them. */
  readonly sequences: Map<number, { active: boolean; companyReplied: boolean }>;
  /** Ids of created outreach waiting for approval, to tell the dashboard. */
  readonly awaitingApproval: number[];
}

const INCOMING_STOP: Record<string, StopReason> = { reply: 'replied', hard_bounce: 'bounced', unsubscribe: 'unsubscribed' };

function sequenceOf(ctx: AdvanceContext, id: number): { active: boolean; companyReplied: boolean } {
  let s = ctx.sequences.get(id);
  if (!s) {
    const row = ctx.st.sequence.get(id);
    s = { active: row?.status === 'active', companyReplied: row ? stopConditions(row.stop_conditions).companyReplied : false };
    ctx.sequences.set(id, s);
  }
  return s;
}

/** Why the lead must not be contacted any more, from what happened on any channel since it was enrolled. */
function stopReasonOf(ctx: AdvanceContext, row: DueRow, companyReplied: boolean): StopReason | null {
  const answer = ctx.st.answer.get(row.lead_id, row.created_at);
  if (answer) return INCOMING_STOP[answer.incoming_kind] ?? 'replied';
  if (companyReplied && ctx.st.colleagueReplied.get(row.created_at, row.lead_id)) return 'company_replied';
  const lead = ctx.st.lead.get(row.lead_id);
  if (!lead) return 'operator';
  return isSuppressed(ctx.sqlite, { email: lead.email, domain: lead.domain, linkedinUrl: lead.linkedin_url, facebookUrl: lead.facebook_url })
    ? 'suppressed'
    : null;
}

/**
 * Moves on past `step`: to the next live step (due once its delay from now has passed), or to the end of the sequence;
 * after a created message the end waits until that message went out, so a reply can still stop it.
 */
function moveOn(ctx: AdvanceContext, row: DueRow, step: StepRow, endReason: StopReason | null, created = false): Advance {
  const next = ctx.st.nextStep.get(step.sequence_id, step.position, step.position, step.id);
  if (next || created) {
    const due = next ? addSendingDays(ctx.calendar, ctx.now, next.delay_days) : ctx.now + RECHECK_MS;
    ctx.st.moveTo.run(next?.id ?? null, due, ctx.now, row.id, row.steps_done);
    return created ? 'created' : 'skipped';
  }
  if (endReason) {
    stopEnrollment(ctx.sqlite, { enrollmentId: row.id, reason: endReason, now: ctx.now });
    return 'stopped';
  }
  ctx.st.complete.run(ctx.now, ctx.now, row.id);
  return 'completed';
}

/** The step to run: the enrollment's next step, or the live one after it when an edit removed it; undefined at the end. */
function currentStep(ctx: AdvanceContext, row: DueRow): StepRow | undefined {
  if (row.next_step_id === null) return undefined;
  const step = ctx.st.step.get(row.next_step_id);
  if (!step || step.deleted_at === null) return step;
  return ctx.st.nextStep.get(step.sequence_id, step.position, step.position, step.id);
}

/** Whether a branch step runs now (true), is skipped (false), or waits until the returned time. */
function branchDecision(ctx: AdvanceContext, row: DueRow, step: StepRow, base: number): boolean | number {
  const branch = stepConditionsOf(step.conditions).branch;
  if (!branch) return true;
  const invite = ctx.st.invite.get(row.id);
  const deadline = invite ? invite.occurred_at + branch.withinDays * DAY_MS : base;
  const accepted = invite ? ctx.st.accepted.get(row.lead_id, invite.occurred_at, deadline) !== undefined : false;
  if (!accepted && ctx.now < deadline) return deadline;
  return branch.on === 'accepted' ? accepted : !accepted;
}

/**
 * Advances one due enrollment inside the caller's transaction: applies the stop conditions (reply on any channel,
 * bounce, unsubscribe, suppression, a colleague's reply when the sequence says so), waits while the last message is
 * unsent or the step's delay in sending days has not passed, decides an accepted/not-accepted branch, then creates
 * the step's outreach with a variant chosen by weight and plans the next step.
 */
export function advanceEnrollment(ctx: AdvanceContext, row: DueRow): Advance {
  const { st, now } = ctx;
  const sequence = sequenceOf(ctx, row.sequence_id);
  if (!sequence.active) {
    st.reschedule.run(now + RECHECK_MS, now, row.id);
    return 'waiting';
  }
  const stop = stopReasonOf(ctx, row, sequence.companyReplied);
  if (stop) {
    stopEnrollment(ctx.sqlite, { enrollmentId: row.id, reason: stop, now });
    return 'stopped';
  }
  const last = st.last.get(row.id);
  if (last && (last.status === 'pending' || last.status === 'running' || last.status === 'unknown')) {
    st.reschedule.run(now + RECHECK_MS, now, row.id);
    return 'waiting';
  }
  const step = currentStep(ctx, row);
  if (!step) {
    st.complete.run(now, now, row.id);
    return 'completed';
  }
  if (last?.profile_id && row.profile_id === null) st.setProfile.run(last.profile_id, now, row.id);
  const base = last ? (last.done_at ?? now) : row.created_at;
  const due = addSendingDays(ctx.calendar, base, step.delay_days);
  if (due > now) {
    st.reschedule.run(due, now, row.id);
    return 'waiting';
  }
  const decision = branchDecision(ctx, row, step, base);
  if (typeof decision === 'number') {
    st.reschedule.run(decision, now, row.id);
    return 'waiting';
  }
  if (!decision) return moveOn(ctx, row, step, stepConditionsOf(step.conditions).branch?.on === 'accepted' ? 'not_accepted' : null);
  const variant = chooseVariant(st.variants.all(step.id), variantSeed(row.id, step.id));
  if (!variant) return moveOn(ctx, row, step, null);
  const approval = step.auto_approve === 1 || step.type_code === 'manual_task' ? 'auto' : 'pending';
  const created = createOutreach(ctx.sqlite, {
    leadId: row.lead_id,
    typeCode: step.type_code,
    subject: variant.subject,
    body: variant.body,
    approval,
    enrollmentId: row.id,
    sequenceStepId: step.id,
    sequenceVariantId: variant.id,
    now,
  });
  if ('refused' in created) {
    if (created.refused === 'suppressed') {
      stopEnrollment(ctx.sqlite, { enrollmentId: row.id, reason: 'suppressed', now });
      return 'stopped';
    }
    // Unreachable on this step's channel (or its template broke since): the step is passed over, the sequence goes on.
    return moveOn(ctx, row, step, null);
  }
  const profileId = row.profile_id ?? last?.profile_id ?? null;
  if (profileId !== null) st.pinProfile.run({ profile: profileId, id: created.id });
  if (approval === 'pending') ctx.awaitingApproval.push(created.id);
  return moveOn(ctx, row, step, null, true);
}
