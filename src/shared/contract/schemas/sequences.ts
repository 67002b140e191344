import { z } from 'zod';
import { id, isoTime } from './common';
import { leadFilter } from './lead-filter';

/** Outreach types a sequence step can be. */
export const stepTypeCode = z.enum(['email', 'linkedin_connect', 'linkedin_message', 'facebook_friend', 'facebook_message', 'manual_task']);

/** A sequence's sending plan: how many new leads may be enrolled per day (operator's timezone); null = no cap. */
export const sequenceSchedule = z.object({ dailyEnrollmentCap: z.number().int().min(1).max(100_000).nullable().default(null) });

/** Stop conditions beyond the ones that always apply (reply on any channel, bounce, unsubscribe, suppression, manual stop). */
export const sequenceStopConditions = z.object({ companyReplied: z.boolean().default(false) });

/**
 * A step that runs only when the lead accepted the latest invitation of the sequence within N days (`accepted`),
 * or only when it did not (`not_accepted`); the step waits until acceptance or the deadline decides it.
 */
export const stepBranch = z.strictObject({ on: z.enum(['accepted', 'not_accepted']), withinDays: z.number().int().min(1).max(365) });

/** What a step stores beside its type and delay. */
export const stepConditions = z.object({ branch: stepBranch.nullable().default(null) });

const label = z.string().trim().min(1).max(100);

/** One A/B variant of a step as the editor sends it; `id` keeps an existing variant (and its results). */
export const variantInput = z.strictObject({
  id: id.optional(),
  label,
  subject: z.string().max(998).nullable().default(null),
  body: z.string().max(100_000),
  weight: z.number().int().min(0).max(1000).default(1),
});

/** One step as the editor sends it; `id` keeps an existing step, steps left out are removed (not what was sent). */
export const stepInput = z.strictObject({
  id: id.optional(),
  typeCode: stepTypeCode,
  /** Sending days after the previous step was sent (after enrollment for the first step). */
  delayDays: z.number().int().min(0).max(365),
  autoApprove: z.boolean().default(false),
  branch: stepBranch.nullable().default(null),
  variants: z.array(variantInput).min(1).max(10),
});

/** Results of one variant: outreach sent with it and what came back. */
export const variantResults = z.object({ sent: z.number().int(), replied: z.number().int(), accepted: z.number().int(), bounced: z.number().int() });

/** A stored variant with its results. */
export const sequenceVariant = z.object({
  id,
  label: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  weight: z.number().int(),
  results: variantResults,
  /** Merge fields the subject or body references that no lead, company or custom field has. */
  unknownFields: z.array(z.string()),
});

/** A stored step. */
export const sequenceStep = z.object({
  id,
  position: z.number().int(),
  typeCode: z.string(),
  delayDays: z.number().int(),
  autoApprove: z.boolean(),
  branch: stepBranch.nullable(),
  variants: z.array(sequenceVariant),
});

/** Enrollment counts of a sequence by status. */
export const enrollmentCounts = z.object({ active: z.number().int(), paused: z.number().int(), completed: z.number().int(), stopped: z.number().int() });

/** A sequence as lists show it. */
export const sequenceSummary = z.object({
  id,
  name: z.string(),
  status: z.enum(['draft', 'active', 'paused', 'archived']),
  dailyEnrollmentCap: z.number().int().nullable(),
  stopOnCompanyReply: z.boolean(),
  stepCount: z.number().int(),
  enrollments: enrollmentCounts,
  createdAt: isoTime,
  updatedAt: isoTime,
});

/** A sequence with its steps and variants. */
export const sequenceDetail = sequenceSummary.extend({ steps: z.array(sequenceStep) });

/** A sequence summary. */
export type SequenceSummary = z.infer<typeof sequenceSummary>;
/** A sequence with its steps. */
export type SequenceDetail = z.infer<typeof sequenceDetail>;
/** A step as the editor sends it. */
export type StepInput = z.infer<typeof stepInput>;

const name = z.string().trim().min(1).max(200);

/** A new sequence (a draft unless `status` says otherwise). */
export const sequenceCreateInput = z.strictObject({
  name,
  status: z.enum(['draft', 'active', 'paused']).default('draft'),
  dailyEnrollmentCap: z.number().int().min(1).max(100_000).nullable().default(null),
  stopOnCompanyReply: z.boolean().default(false),
  steps: z.array(stepInput).max(50).default([]),
});

/** Changes a sequence; `steps`, when given, is the whole new list in order (applies to steps not yet sent). */
export const sequenceUpdateInput = z.strictObject({
  id,
  name: name.optional(),
  status: z.enum(['draft', 'active', 'paused', 'archived']).optional(),
  dailyEnrollmentCap: z.number().int().min(1).max(100_000).nullable().optional(),
  stopOnCompanyReply: z.boolean().optional(),
  steps: z.array(stepInput).max(50).optional(),
});

/** Enrolls leads by id, or every lead matching a filter (in batches); refusals are summed by reason. */
export const sequenceEnrollInput = z
  .strictObject({ id, leadIds: z.array(id).min(1).max(10_000).optional(), filter: leadFilter.optional() })
  .refine((v) => (v.leadIds === undefined) !== (v.filter === undefined), { message: 'give either leadIds or filter', path: ['leadIds'] });

/** Reasons an enrollment is refused. */
export const enrollRefusal = z.enum(['suppressed', 'already_enrolled', 'sequence_not_active', 'no_address', 'daily_cap']);

/** What an enrollment request did; `refusedSample` lists a few refused leads with their reason. */
export const sequenceEnrollOutput = z.object({
  enrolled: z.number().int(),
  refused: z.partialRecord(enrollRefusal, z.number().int()),
  refusedSample: z.array(z.object({ leadId: id, reason: enrollRefusal })),
});

/** One enrollment as the sequence screen lists it. */
export const enrollmentItem = z.object({
  id,
  leadId: id,
  leadLabel: z.string().nullable(),
  status: z.enum(['active', 'paused', 'completed', 'stopped']),
  stopReason: z.string().nullable(),
  nextStepPosition: z.number().int().nullable(),
  nextStepDueAt: isoTime.nullable(),
  profileId: id.nullable(),
  createdAt: isoTime,
});

/** Enrollments of a sequence, newest first, keyset-paged by id. */
export const enrollmentsListInput = z.strictObject({
  id,
  status: z.enum(['active', 'paused', 'completed', 'stopped']).optional(),
  beforeId: id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/** A step rendered for one lead with the chosen variant (or a given one). */
export const sequencePreviewInput = z.strictObject({ id, leadId: id, stepId: id.optional(), variantId: id.optional() });

/** What a `sequences.changed` event says. */
export const sequencesChangedEvent = z.object({
  reason: z.enum(['created', 'updated', 'deleted', 'enrolled', 'advanced', 'stopped']),
  sequenceId: id.nullable(),
});
