import type { WorkerProfile } from '../../../shared/worker-protocol/messages';
import { ChannelError, type Channel } from '../channel';
import { checkInbox } from './check-inbox';
import { findSentMessage } from './find-sent-message';
import { openMailboxSession, type MailboxSession } from './mailbox-session';
import { sendEmail } from './send-email';

/** The profile type codes a mailbox serves. */
export const MAILBOX_TYPES = ['gmail', 'microsoft365', 'smtp_imap'] as const;

/** The mailbox channel: sends outgoing email over SMTP; inbox checks and verification read the mailbox over IMAP. */
export function createMailboxChannel(): Channel {
  let session: MailboxSession | null = null;
  const opened = (): MailboxSession => {
    if (!session) throw new ChannelError('transient', 'the mailbox is not open');
    return session;
  };
  return {
    async open(profile: WorkerProfile) {
      session = openMailboxSession(profile);
    },
    async perform(item, context) {
      switch (item.kind) {
        case 'outreach':
          return sendEmail(opened(), item, context);
        case 'inbox_check':
          return checkInbox(opened().profile, item, context);
        default:
          throw new ChannelError('permanent', `a mailbox does not perform ${item.kind} items`);
      }
    },
    async verify(item, context) {
      const { profile, settings } = opened();
      const found = await findSentMessage(profile, item, context);
      // Our own Sent copy is appended after the send: its absence does not prove the send did not happen.
      return settings.copyToSent && found.happened === false ? { happened: null, externalRef: null } : found;
    },
    async close() {
      session?.smtp.close();
      session = null;
    },
  };
}
