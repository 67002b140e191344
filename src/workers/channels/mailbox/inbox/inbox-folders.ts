import type { ImapFlow } from 'imapflow';
import { ChannelError } from '../../channel';
import type { ImapSettings } from './imap-settings';

/** The folders an inbox check reads: the inbox, then the configured spam folders that exist and any folder the server marks \Junk. */
export async function inboxFolders(client: ImapFlow, settings: ImapSettings): Promise<string[]> {
  const listed = await client.list();
  const exists = new Set(listed.map((folder) => folder.path));
  if (!exists.has(settings.folders.inbox)) throw new ChannelError('permanent', `the inbox folder "${settings.folders.inbox}" does not exist on the server`);
  const junk = listed.filter((folder) => folder.specialUse === '\\Junk').map((folder) => folder.path);
  return [...new Set([settings.folders.inbox, ...settings.folders.spam.filter((path) => exists.has(path)), ...junk])];
}

/** The folder sent mail lands in: the configured one if it exists, else the one the server marks \Sent; null when there is none. */
export async function sentFolder(client: ImapFlow, settings: ImapSettings): Promise<string | null> {
  const listed = await client.list();
  if (listed.some((folder) => folder.path === settings.folders.sent)) return settings.folders.sent;
  return listed.find((folder) => folder.specialUse === '\\Sent')?.path ?? null;
}
