import { z } from 'zod';
import { workKinds } from '../../work-kind';
import { id, isoTime } from './common';

/** Why a pending item has not run yet. */
export const waitReason = z.enum([
  'not_approved',
  'not_assigned',
  'profile_paused',
  'profile_stopped',
  'offline',
  'quota',
  'window',
  'gap',
  'ramp_up',
  'domain_cap',
  'retry_backoff',
  'scheduled',
  'unknown_outcome',
  'due',
]);

/** A wait reason. */
export type WaitReason = z.infer<typeof waitReason>;

/** One waiting item: what it is, for whom, why it waits and when it is expected to run. */
export const waitingItem = z.object({
  kind: z.enum(workKinds),
  id,
  profileId: id.nullable(),
  profileName: z.string().nullable(),
  /** What the item does, in a few words (recipient, URL, enrichment type). */
  label: z.string(),
  reason: waitReason,
  /** Specifics of the reason: the pause reason, the profile types needed, the queue position. */
  detail: z.string().nullable(),
  dueAt: isoTime,
  /** When it should run; null when that depends on someone (approval, operator) or on the network coming back. */
  expectedAt: isoTime.nullable(),
  attempts: z.number().int().nonnegative(),
});

/** A waiting item. */
export type WaitingItem = z.infer<typeof waitingItem>;

/** Waiting items by due time, keyset paged by the opaque `after` cursor of the previous page. */
export const outboxInput = z.strictObject({
  kind: z.enum(workKinds).optional(),
  profileId: id.optional(),
  reason: waitReason.optional(),
  after: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/** One page of waiting items; `next` is null on the last page. */
export const outboxPage = z.object({ items: z.array(waitingItem), next: z.string().nullable() });

/** Days of the capacity calendar, starting at the UTC day of `from`. */
export const capacityInput = z.strictObject({ from: isoTime, days: z.number().int().min(1).max(62).default(14) });

/** Planned against allowed actions of one channel on one day. */
export const capacityCell = z.object({
  day: z.iso.date(),
  channel: z.string(),
  /** Performed that day plus still pending with a due time that day. */
  planned: z.number().int().nonnegative(),
  /** What the quotas of the channel's active profiles allow that day; null when no quota limits it. */
  allowed: z.number().int().nonnegative().nullable(),
});

/** The capacity calendar: one cell per day and channel. */
export const capacityView = z.object({ channels: z.array(z.string()), days: z.array(z.iso.date()), cells: z.array(capacityCell) });

/** What the last catch-up after a reconnect or a wake re-planned. */
export const catchUpSummary = z.object({
  cause: z.enum(['reconnect', 'wake']),
  at: isoTime,
  items: z.number().int().nonnegative(),
  firstAt: isoTime.nullable(),
  lastAt: isoTime.nullable(),
});

/** Whether the machine is online, the last probe, the last sleep and the last catch-up plan. */
export const connectivityView = z.object({
  online: z.boolean(),
  since: isoTime,
  lastProbeAt: isoTime.nullable(),
  lastProbeOk: z.boolean().nullable(),
  nextProbeAt: isoTime.nullable(),
  sleptAt: isoTime.nullable(),
  wokeAt: isoTime.nullable(),
  catchUp: catchUpSummary.nullable(),
});

/** The connectivity view. */
export type ConnectivityView = z.infer<typeof connectivityView>;
