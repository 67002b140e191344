import nodemailer, { type Transporter } from 'nodemailer';
import type { WorkerProfile } from '../../../shared/worker-protocol/messages';
import { ChannelError } from '../channel';
import { mailboxSettings, type MailboxSettings } from './mailbox-settings';

/** An open mailbox: its profile, sending settings, From address and one pooled SMTP connection. */
export interface MailboxSession {
  readonly profile: WorkerProfile;
  readonly settings: MailboxSettings;
  readonly fromAddress: string;
  readonly smtp: Transporter;
}

/** Reads the profile's settings and credentials (a setting the mailbox cannot use is a permanent ChannelError); nothing touches the network until the first send. */
export function openMailboxSession(profile: WorkerProfile): MailboxSession {
  const parsed = mailboxSettings.safeParse(profile.settings);
  if (!parsed.success) throw new ChannelError('permanent', `mailbox settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const settings = parsed.data;
  const user = profile.credentials.user ?? '';
  const pass = profile.credentials.password ?? '';
  const fromAddress = settings.fromAddress ?? user;
  if (!fromAddress.includes('@')) throw new ChannelError('permanent', 'mailbox settings: no From address (set fromAddress or a login user that is an address)');
  const { host, port, security } = settings.smtp;
  // One pooled connection: sends of one worker are sequential, and reusing the session saves a login per message.
  const smtp = nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    host,
    port,
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'none',
    ...(user ? { auth: { user, pass } } : {}),
  });
  return { profile, settings, fromAddress, smtp };
}
