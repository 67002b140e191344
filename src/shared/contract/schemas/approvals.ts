import { z } from 'zod';
import { id, isoTime } from './common';

/** Where an outgoing message waiting for approval came from. */
export const approvalOrigin = z.object({
  ruleId: id.nullable(),
  ruleName: z.string().nullable(),
  sequenceId: id.nullable(),
  sequenceName: z.string().nullable(),
  stepId: id.nullable(),
  stepPosition: z.number().int().nullable(),
  variantLabel: z.string().nullable(),
});

/** An outgoing message waiting for the operator, rendered for its lead. */
export const approvalItem = z.object({
  id,
  leadId: id,
  leadLabel: z.string().nullable(),
  typeCode: z.string(),
  address: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  /** Merge fields still in the text that no lead, company or custom field has: approving is refused until fixed. */
  unknownFields: z.array(z.string()),
  origin: approvalOrigin,
  createdAt: isoTime,
});

/** An approval item. */
export type ApprovalItem = z.infer<typeof approvalItem>;

/** Which waiting messages: by type, rule, sequence or step; keyset-paged by id (oldest first). */
export const approvalsFilter = z.strictObject({
  typeCode: z.string().max(50).optional(),
  ruleId: id.optional(),
  sequenceId: id.optional(),
  stepId: id.optional(),
});

/** A page of waiting messages. */
export const approvalsListInput = approvalsFilter.extend({ afterId: id.optional(), limit: z.number().int().min(1).max(500).default(50) });

/** Rewrites a waiting message's subject or body (merge fields in the new text are rendered for the lead). */
export const approvalEditInput = z.strictObject({ id, subject: z.string().max(998).nullable().optional(), body: z.string().min(1).max(100_000).optional() });

/** Approves some messages by id, or every one matching a filter (`all`). */
export const approvalDecideInput = z
  .strictObject({ ids: z.array(id).min(1).max(10_000).optional(), all: approvalsFilter.optional() })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), { message: 'give either ids or all', path: ['ids'] });

/** How many were decided, and which were skipped (no longer waiting, or unknown merge fields). */
export const approvalDecideOutput = z.object({ decided: z.number().int(), skipped: z.array(z.object({ id, reason: z.string() })) });

/** Makes the rule or step that created a message approve its future messages itself (and approves this one). */
export const approvalAutoInput = z.strictObject({ id });

/** What an `approvals.changed` event says: how many messages wait now. */
export const approvalsChangedEvent = z.object({ waiting: z.number().int().nonnegative() });

/** A manual task of a sequence, waiting for the operator to do it. */
export const taskItem = z.object({ id, leadId: id, leadLabel: z.string().nullable(), subject: z.string().nullable(), body: z.string().nullable(), origin: approvalOrigin, dueAt: isoTime });
