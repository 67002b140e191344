import type { WorkerProfile } from '../../../shared/worker-protocol/messages';
import { closeImap, connectImap } from './inbox/imap-client';
import { readImapSettings } from './inbox/imap-settings';
import { sentFolder } from './inbox/inbox-folders';

/** Appends a sent message to the Sent folder, marked seen; for providers that do not keep SMTP sends themselves. */
export async function appendToSent(profile: WorkerProfile, raw: Buffer): Promise<void> {
  const settings = readImapSettings(profile);
  const client = await connectImap(settings);
  try {
    const folder = await sentFolder(client, settings);
    if (folder === null) throw new Error(`no Sent folder (looked for ${settings.folders.sent} and the \\Sent special use)`);
    await client.append(folder, raw, ['\\Seen']);
  } finally {
    await closeImap(client);
  }
}
