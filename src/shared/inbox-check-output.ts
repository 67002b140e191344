import { z } from 'zod';

/** What an incoming message is, in the words of `outreach.incoming_kind`. */
export const incomingKind = z.enum(['reply', 'auto_reply', 'hard_bounce', 'soft_bounce', 'unsubscribe']);

/** One incoming kind. */
export type IncomingKind = z.infer<typeof incomingKind>;

/** How far one folder has been read: its UIDVALIDITY (a decimal string, it may exceed 2^53) and the last UID read. */
export const folderMark = z.object({ uidValidity: z.string().regex(/^\d+$/), lastUid: z.number().int().nonnegative() });

/** A profile's inbox high-water mark (`profiles.inbox_mark`): per folder path. */
export const inboxMark = z.object({ folders: z.record(z.string(), folderMark).default({}) });

/** An inbox high-water mark. */
export type InboxMark = z.infer<typeof inboxMark>;

/** What a delivery failure report says about the failed delivery. */
export const bounceDetail = z.object({
  /** Enhanced status code (RFC 3463), e.g. 5.1.1. */
  status: z.string().nullable(),
  recipient: z.string().nullable(),
  /** The Message-ID of the message that bounced, when the report quotes it. */
  originalMessageId: z.string().nullable(),
  diagnostic: z.string().nullable(),
});

/** A message's classification and the rule that decided it. */
export const classification = z.object({ kind: incomingKind, reason: z.string(), bounce: bounceDetail.nullable() });

/** A message's classification. */
export type Classification = z.infer<typeof classification>;

/** One message an inbox check read. */
export const inboxMessage = z.object({
  folder: z.string(),
  uid: z.number().int().positive(),
  /** The Message-ID header, or a stable stand-in derived from the message when it has none. */
  messageId: z.string().min(1),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  /** Sender address, lower-cased. */
  from: z.string().nullable(),
  fromName: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  /** Date header in ms, or the server's internal date when the header is missing or unreadable. */
  date: z.number().int().nullable(),
  /** Plain text, bounded. */
  text: z.string(),
  classification,
});

/** One message an inbox check read. */
export type InboxMessage = z.infer<typeof inboxMessage>;

/** The `output` of a performed inbox check: the messages read, the new mark, and whether more remain past the per-check cap. */
export const inboxCheckOutput = z.object({
  mark: inboxMark,
  messages: z.array(inboxMessage),
  more: z.boolean(),
  folders: z.array(z.object({ path: z.string(), uidValidity: z.string(), read: z.number().int().nonnegative(), restarted: z.boolean() })),
});

/** The output of a performed inbox check. */
export type InboxCheckOutput = z.infer<typeof inboxCheckOutput>;
