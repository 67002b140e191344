import { z } from 'zod';
import { id, isoTime } from './common';
import { smtpResponse } from './outreach-send';

const subject = z.string().trim().min(1).max(998);
const body = z.string().min(1).max(100_000);

/** A template rendered for one lead: the text, merge fields it references, unknown ones and known ones left empty. */
export const outreachPreview = z.object({
  subject: z.string(),
  body: z.string(),
  html: z.string().nullable(),
  fields: z.array(z.string()),
  /** Fields no lead, company or custom field has: fix them before composing. */
  unknown: z.array(z.string()),
  /** Known fields this lead has no value for and that have no fallback: they render as nothing. */
  empty: z.array(z.string()),
});

/** A rendered preview. */
export type OutreachPreview = z.infer<typeof outreachPreview>;

/** Renders a subject and body (and optional HTML) for a lead, exactly as compose would store them. */
export const outreachPreviewInput = z.strictObject({ leadId: id, subject, body, html: body.optional() });

/** Creates an outgoing email to the lead's address, rendered now, waiting for approval. */
export const outreachComposeInput = z.strictObject({
  leadId: id,
  typeCode: z.literal('email'),
  subject,
  body,
  html: body.optional(),
  /** The mailbox that sends it; without one the planner assigns a mailbox. */
  profileId: id.optional(),
});

/** One outreach row as lists show it. */
export const outreachItem = z.object({
  id,
  leadId: id,
  profileId: id.nullable(),
  typeCode: z.string(),
  direction: z.enum(['outgoing', 'incoming', 'accepted']),
  status: z.enum(['pending', 'running', 'performed', 'failed', 'aborted', 'canceled', 'unknown']),
  approval: z.enum(['pending', 'approved', 'auto', 'rejected']).nullable(),
  address: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  html: z.string().nullable(),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  errorKind: z.enum(['transient', 'permanent', 'policy']).nullable(),
  errorText: z.string().nullable(),
  smtpResponse: smtpResponse.nullable(),
  occurredAt: isoTime.nullable(),
  createdAt: isoTime,
});

/** An outreach row. */
export type OutreachItem = z.infer<typeof outreachItem>;

/** Outreach newest first, of one lead or all. */
export const outreachListInput = z.strictObject({ leadId: id.optional(), limit: z.number().int().min(1).max(500).default(100) });

/** What an `outreach.changed` event says. */
export const outreachChangedEvent = z.object({
  reason: z.enum(['composed', 'approved', 'sent', 'failed']),
  outreachId: id,
  leadId: id,
});
