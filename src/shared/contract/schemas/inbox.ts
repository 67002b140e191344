import { z } from 'zod';
import { bounceDetail, incomingKind } from '../../inbox-check-output';
import { id, isoTime } from './common';

const count = z.number().int().nonnegative();

/** One message of a lead's conversation as the Inbox shows it: incoming with its classification, or one we sent. */
export const inboxMessageView = z.object({
  id,
  leadId: id,
  profileId: id.nullable(),
  direction: z.enum(['outgoing', 'incoming', 'accepted']),
  /** The classification of an incoming message; null for outgoing and accepted rows. */
  kind: incomingKind.nullable(),
  /** Which rule decided the classification. */
  reason: z.string().nullable(),
  /** The outgoing message an incoming one answers. */
  parentOutreachId: id.nullable(),
  /** The lead's side: sender of an incoming message (the failed recipient of a bounce), recipient of an outgoing one. */
  leadAddress: z.string().nullable(),
  subject: z.string().nullable(),
  text: z.string().nullable(),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  status: z.string(),
  bounce: bounceDetail.nullable(),
  /** The folder an incoming message was read from (INBOX, Spam...). */
  folder: z.string().nullable(),
  occurredAt: isoTime.nullable(),
  createdAt: isoTime,
});

/** One message in the Inbox. */
export type InboxMessageView = z.infer<typeof inboxMessageView>;

/** Leads with incoming messages, the lead with the newest message first. */
export const inboxListInput = z.strictObject({
  kind: incomingKind.optional(),
  profileId: id.optional(),
  /** Only messages stored after this time. */
  after: isoTime.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/** A lead in the Inbox: its newest incoming message and how many (of the filtered kinds) it sent. */
export const inboxLeadEntry = z.object({
  leadId: id,
  leadLabel: z.string().nullable(),
  leadEmail: z.string().nullable(),
  messages: count,
  kinds: z.array(incomingKind),
  latest: inboxMessageView,
});

/** A lead in the Inbox. */
export type InboxLeadEntry = z.infer<typeof inboxLeadEntry>;

/** A lead's whole conversation, incoming and outgoing, oldest first. */
export const inboxThreadInput = z.strictObject({ leadId: id });

/** What an `inbox.received` event says: an inbox check stored new messages for these leads. */
export const inboxReceivedEvent = z.object({
  profileId: id,
  checkId: id,
  read: count,
  stored: count,
  unmatched: count,
  kinds: z.partialRecord(incomingKind, count),
  leadIds: z.array(id),
});

/** The operator's reply to one incoming email: sent from the mailbox that received it, threaded under it; the subject defaults to `Re: <its subject>`. */
export const inboxReplyInput = z.strictObject({
  outreachId: id,
  body: z.string().trim().min(1, 'write something to send').max(100_000),
  subject: z.string().trim().min(1).max(998).optional(),
});
