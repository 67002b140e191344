import { z } from 'zod';

const server = z.object({
  host: z.string().min(1, 'the SMTP host is not set'),
  port: z.number().int().min(1).max(65535),
  /** tls: TLS from the first byte (465/993); starttls: upgrade required; none: plain (local test servers only). */
  security: z.enum(['tls', 'starttls', 'none']),
});

/**
 * The sending side of a mailbox profile's settings (type defaults overlaid by the profile's own; the reading
 * side is `inbox/imap-settings.ts`). The signature is per mailbox; the postal address is the operator's (app
 * settings) and arrives with each payload, as does the one-click unsubscribe link (from `publicUnsubscribeUrl`).
 */
export const mailboxSettings = z.object({
  smtp: server,
  /** The From address; defaults to the login user. */
  fromAddress: z.string().min(3).optional(),
  fromName: z.string().optional(),
  /** Plain text added under every body (above the postal address). */
  signature: z.string().default(''),
  /** Where mailto unsubscribes go; defaults to the From address. */
  unsubscribeMailto: z.string().min(3).optional(),
  /** Append each sent message to the Sent folder over IMAP (for providers that do not keep SMTP sends themselves). */
  copyToSent: z.boolean().default(false),
});

/** A mailbox's sending settings. */
export type MailboxSettings = z.infer<typeof mailboxSettings>;
