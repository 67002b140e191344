import { z } from 'zod';
import type { WorkerProfile } from '../../../../shared/worker-protocol/messages';
import { ChannelError } from '../../channel';

/** The reading side of a mailbox profile's settings: the IMAP server and which folders hold the inbox, spam and sent mail. */
export const imapSettings = z.object({
  imap: z.object({
    host: z.string().min(1, 'the IMAP host is not set'),
    port: z.number().int().min(1).max(65535),
    /** tls: TLS from the first byte (993); starttls: upgrade required; none: plain (local test servers only). */
    security: z.enum(['tls', 'starttls', 'none']),
  }),
  folders: z
    .object({ inbox: z.string().min(1).default('INBOX'), spam: z.array(z.string().min(1)).default([]), sent: z.string().min(1).default('Sent') })
    .default({ inbox: 'INBOX', spam: [], sent: 'Sent' }),
});

/** A mailbox's IMAP settings with its login. */
export type ImapSettings = z.infer<typeof imapSettings> & { readonly auth: { readonly user: string; readonly pass: string } };

/** Reads a profile's IMAP settings and login; a missing host or login is a permanent failure. */
export function readImapSettings(profile: WorkerProfile): ImapSettings {
  const parsed = imapSettings.safeParse(profile.settings);
  if (!parsed.success) throw new ChannelError('permanent', `mailbox settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const user = profile.credentials.user ?? '';
  if (user === '') throw new ChannelError('permanent', 'mailbox credentials: no IMAP login user');
  return { ...parsed.data, auth: { user, pass: profile.credentials.password ?? '' } };
}
