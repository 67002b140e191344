import { z } from 'zod';
import { id, isoTime } from './common';

/** A reminder on a lead. */
export const reminder = z.object({
  id,
  leadId: id,
  /** The lead's name or email, for lists of reminders across leads. */
  leadLabel: z.string().nullable(),
  dueAt: isoTime,
  note: z.string(),
  done: z.boolean(),
  doneAt: isoTime.nullable(),
  createdAt: isoTime,
});

/** Reminder. */
export type Reminder = z.infer<typeof reminder>;

const note = z.string().trim().max(2000);

/** Reminders of live leads, soonest due first (ties by id); open ones only unless `status` says otherwise. */
export const remindersListInput = z.strictObject({
  leadId: id.optional(),
  /** Only reminders due strictly before this time (e.g. now, for what is overdue). */
  dueBefore: isoTime.optional(),
  status: z.enum(['open', 'done', 'all']).default('open'),
  limit: z.number().int().min(1).max(500).default(100),
});

/** A new reminder on a live lead. */
export const reminderCreateInput = z.strictObject({ leadId: id, dueAt: isoTime, note: note.default('') });

/** Moves a reminder or rewrites its note; fields not given keep their value. */
export const reminderUpdateInput = z.strictObject({ id, dueAt: isoTime.optional(), note: note.optional() });

/** Marks a reminder done (or open again with `done: false`). */
export const reminderCompleteInput = z.strictObject({ id, done: z.boolean().default(true) });

/** What a `reminders.changed` event says: which reminder of which lead was created, changed or deleted. */
export const remindersChangedEvent = z.object({ reason: z.enum(['created', 'updated', 'deleted']), reminderId: id, leadId: id });

/** What a `reminders.due` event says: reminders that just came due (and how many are open and due in all). */
export const remindersDueEvent = z.object({ reminders: z.array(reminder), dueCount: z.number().int().nonnegative() });
