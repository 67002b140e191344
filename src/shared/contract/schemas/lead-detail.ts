import { z } from 'zod';
import { id, isoTime } from './common';
import { customFieldValue, customValuesPatch } from './custom-fields';
import { lead } from './leads';
import { historyEntry, provenanceEntry } from './provenance';
import { reminder } from './reminders';
import { appliedTag } from './tags';

/** The company a lead works at, as the lead page shows it. */
export const companyRef = z.object({ id, name: z.string().nullable(), domain: z.string().nullable() });

/** One outreach row (message sent, received or connection accepted) on the lead's activity list. */
export const activityEntry = z.object({
  id,
  direction: z.enum(['outgoing', 'incoming', 'accepted']),
  /** The outreach type's name (e.g. "Email"). */
  channel: z.string(),
  incomingKind: z.string().nullable(),
  subject: z.string().nullable(),
  status: z.string(),
  /** When it happened on the channel, else when it was created. */
  at: isoTime,
});

/**
 * Everything the lead page shows. `provenance` is keyed by field name (`firstName`, `email`, `companyId`…);
 * `reminders` are the open ones, soonest first; `history` is newest first (at most 200); `activity` newest first (at most 100).
 */
export const leadDetail = lead.extend({
  company: companyRef.nullable(),
  tags: z.array(appliedTag),
  customValues: z.array(customFieldValue),
  provenance: z.record(z.string(), provenanceEntry),
  reminders: z.array(reminder),
  history: z.array(historyEntry),
  activity: z.array(activityEntry),
});

/** Lead page data. */
export type LeadDetail = z.infer<typeof leadDetail>;

/** A field a person may edit: a blank string or null clears it. */
const editable = z.string().max(2000).nullable().optional();

/**
 * A manual edit: only the fields given change; a blank string or null clears a field.
 * `companyId` moves the lead to another live company (null detaches it).
 */
export const leadUpdateInput = z.strictObject({
  id,
  firstName: editable,
  middleName: editable,
  lastName: editable,
  jobTitle: editable,
  email: editable,
  phone: editable,
  linkedinUrl: editable,
  facebookUrl: editable,
  country: editable,
  location: editable,
  timezone: editable,
  pictureUrl: editable,
  companyId: id.nullable().optional(),
  custom: customValuesPatch.optional(),
});

/** Lead edit. */
export type LeadUpdateInput = z.infer<typeof leadUpdateInput>;

/** What a soft delete did: the journal entry `journal.undo` takes back (or call `leads.restore`). */
export const deletedRecord = z.object({ id, deletedAt: isoTime, journalId: id });

/** The outcome of undoing one journal entry. */
export const journalUndone = z.object({ id, targetKind: z.enum(['lead', 'company', 'tag_link']), targetId: id });
