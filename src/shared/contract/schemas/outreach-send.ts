import { z } from 'zod';
import { id } from './common';

/** The params main builds for an outgoing email when it is claimed; everything the worker needs to send it. */
export const emailPayload = z.object({
  outreachId: id,
  leadId: id,
  to: z.string().min(3).max(320),
  subject: z.string().max(998),
  /** The plain-text body, already rendered; a plain part is always sent. */
  body: z.string(),
  /** The HTML body, already rendered, when there is one. */
  html: z.string().nullable().default(null),
  /** Generated and stored by main before the send, so a crash cannot lose which message went out. */
  messageId: z.string().min(3).max(998),
  inReplyTo: z.string().nullable().default(null),
  /** Earlier Message-IDs of the thread, oldest first. */
  references: z.array(z.string()).default([]),
  /** The https one-click unsubscribe URL, when a public unsubscribe URL is configured. */
  unsubscribeUrl: z.string().url().nullable().default(null),
  /** The operator's postal address (app settings), appended to the footer. */
  postalAddress: z.string().default(''),
});

/** An outgoing email's payload. */
export type EmailPayload = z.infer<typeof emailPayload>;

/** The SMTP server's answer to a send, as kept on the outreach row. */
export const smtpResponse = z.object({
  /** The reply code; null when the failure was not an SMTP reply (connection, DNS, TLS). */
  code: z.number().int().nullable(),
  response: z.string(),
  /** The SMTP stage that answered: CONN, AUTH, MAIL FROM, RCPT TO, DATA (nodemailer's names). */
  command: z.string().nullable(),
});

/** An SMTP answer. */
export type SmtpResponse = z.infer<typeof smtpResponse>;

/** The `output` of a send (performed or failed): the SMTP answer, whether it was a hard bounce, and the Sent copy. */
export const sendOutput = z.object({
  messageId: z.string().nullable(),
  smtp: smtpResponse,
  /** True when the server refused the recipient permanently at RCPT: the address goes on the suppression list. */
  hardBounce: z.boolean(),
  /** True when a copy was appended to the Sent folder over IMAP, false when that failed, null when not asked. */
  sentCopy: z.boolean().nullable(),
});

/** What a send reports. */
export type SendOutput = z.infer<typeof sendOutput>;
