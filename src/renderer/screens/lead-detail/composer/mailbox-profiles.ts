import type { ProfileRecord } from '../../../../shared/contract/schemas/profiles';

/** The profile types that send email from a mailbox, with what they are called on screen. */
export const mailboxTypeLabels: Readonly<Record<string, string>> = {
  gmail: 'Gmail',
  microsoft365: 'Microsoft 365',
  smtp_imap: 'SMTP/IMAP',
};

/** Whether a profile is a mailbox that can send email. */
export const isMailbox = (profile: ProfileRecord): boolean => profile.typeCode in mailboxTypeLabels;

/** The domain of a mailbox's From address when its settings name one (otherwise the login user is used, which is never shown). */
export function sendingDomainOf(profile: ProfileRecord): string | undefined {
  const from = profile.settings.fromAddress;
  if (typeof from !== 'string') return undefined;
  const at = from.lastIndexOf('@');
  return at > 0 && at < from.length - 1 ? from.slice(at + 1).trim().toLowerCase() : undefined;
}
