import { z } from 'zod';
import { workKinds } from '../../work-kind';
import { id, isoTime } from './common';

/** Where a work item stands; 'unknown' means an effect may have happened and nobody knows yet. */
export const workStatus = z.enum(['pending', 'running', 'performed', 'failed', 'aborted', 'canceled', 'unknown']);

/** One work item named by its kind and id. */
export const workItemRef = z.strictObject({ kind: z.enum(workKinds), id });

/** One effect-ledger row of an item. */
export const ledgerEntry = z.object({
  idempotencyKey: z.string(),
  outcome: z.enum(['started', 'succeeded', 'failed', 'unknown']),
  externalRef: z.string().nullable(),
  startedAt: isoTime,
  finishedAt: isoTime.nullable(),
});

/** A work item's state for the operator: attempts, error, due time, effect ledger and, when unknown, how it may be resolved. */
export const workItemView = z.object({
  kind: z.enum(workKinds),
  id,
  profileId: id.nullable(),
  status: workStatus,
  attempts: z.number().int().nonnegative(),
  maxAttempts: z.number().int().positive(),
  errorKind: z.enum(['transient', 'permanent', 'policy']).nullable(),
  errorText: z.string().nullable(),
  dueAt: isoTime,
  leaseOwner: z.string().nullable(),
  leaseExpiresAt: isoTime.nullable(),
  startedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
  /** Set while the status is unknown: 'verify' while the channel may still find evidence, 'operator' once only you can decide. */
  unknown: z.object({ state: z.enum(['verify', 'operator']), verifyTries: z.number().int().nonnegative(), note: z.string().nullable() }).nullable(),
  ledger: z.array(ledgerEntry),
});

/** The operator's verdict on an item of unknown outcome. */
export const resolveUnknownInput = workItemRef.extend({ decision: z.enum(['happened', 'not_happened']) });

/** Pushed whenever a work item changes status. */
export const workChangedEvent = z.object({ kind: z.enum(workKinds), id, status: workStatus });

/** A work item's status. */
export type WorkStatus = z.infer<typeof workStatus>;
/** A work item as the operator sees it. */
export type WorkItemView = z.infer<typeof workItemView>;
