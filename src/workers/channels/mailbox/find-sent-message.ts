import type { WorkItem, WorkerProfile } from '../../../shared/worker-protocol/messages';
import type { ChannelContext, Verification } from '../channel';
import { closeImap, connectImap } from './inbox/imap-client';
import { readImapSettings } from './inbox/imap-settings';
import { sentFolder } from './inbox/inbox-folders';

const bracketed = (id: string): string => (id.startsWith('<') ? id : `<${id}>`);

/**
 * Answers an outreach item in verify mode: is a message with `item.params.messageId` in the Sent folder?
 * null when it cannot tell (no Message-ID, no Sent folder, or the mailbox cannot be read).
 */
export async function findSentMessage(profile: WorkerProfile, item: WorkItem, context: ChannelContext): Promise<Verification> {
  const messageId = item.params.messageId;
  if (typeof messageId !== 'string' || messageId.trim() === '') return { happened: null, externalRef: null };
  // The brackets keep the header search (a substring match) from finding <11@x> for <1@x>.
  const wanted = bracketed(messageId.trim());
  let client: Awaited<ReturnType<typeof connectImap>> | null = null;
  try {
    const settings = readImapSettings(profile);
    client = await connectImap(settings);
    const folder = await sentFolder(client, settings);
    if (folder === null) {
      context.log('warn', 'no Sent folder to look for the message in', { sent: settings.folders.sent });
      return { happened: null, externalRef: null };
    }
    const lock = await client.getMailboxLock(folder, { readOnly: true });
    try {
      const found = await client.search({ header: { 'message-id': wanted } }, { uid: true });
      if (!found) return { happened: null, externalRef: null };
      return found.length > 0 ? { happened: true, externalRef: wanted } : { happened: false, externalRef: null };
    } finally {
      lock.release();
    }
  } catch (error) {
    context.log('warn', 'could not read the Sent folder', { error: error instanceof Error ? error.message : String(error) });
    return { happened: null, externalRef: null };
  } finally {
    if (client) await closeImap(client);
  }
}
