import type { ImapFlow } from 'imapflow';
import type { InboxMessage } from '../../../../shared/inbox-check-output';
import { readMessage } from './read-message';
import { uidSet } from './uid-set';

/** How a folder is read: messages per FETCH, and bytes of each message fetched (the rest is never transferred). */
export interface ReadLimits {
  readonly pageSize: number;
  readonly maxSourceBytes: number;
}

/** What reading one folder found. */
export interface FolderRead {
  readonly path: string;
  readonly uidValidity: string;
  /** True when the folder's UIDVALIDITY changed since the mark, so it was read again from the start. */
  readonly restarted: boolean;
  readonly messages: InboxMessage[];
  /** The highest UID read (or the mark's, when nothing new was read). */
  readonly lastUid: number;
  /** True when unread messages remain past the budget. */
  readonly more: boolean;
}

/**
 * Reads up to `budget` messages newer than the mark from one folder, page by page, without changing anything on the
 * server: the folder is opened read-only (EXAMINE) and bodies are fetched with BODY.PEEK.
 */
export async function readFolder(
  client: ImapFlow,
  path: string,
  mark: { uidValidity: string; lastUid: number } | undefined,
  budget: number,
  limits: ReadLimits,
  onPage: (read: number, total: number) => void,
): Promise<FolderRead> {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error(`${path} did not open`);
    const uidValidity = String(mailbox.uidValidity);
    const restarted = mark !== undefined && mark.uidValidity !== uidValidity;
    const after = mark && !restarted ? mark.lastUid : 0;
    // `n:*` always matches the newest message even when its UID is below n, hence the filter.
    const found = mailbox.exists === 0 || (mailbox.uidNext ?? Infinity) <= after + 1 ? [] : ((await client.search({ uid: `${after + 1}:*` }, { uid: true })) || []);
    const uids = found.filter((uid) => uid > after).sort((a, b) => a - b);
    const wanted = uids.slice(0, budget);
    const messages: InboxMessage[] = [];
    for (let start = 0; start < wanted.length; start += limits.pageSize) {
      const page = wanted.slice(start, start + limits.pageSize);
      const fetched: { uid: number; source: Buffer; internalDate: number | null }[] = [];
      for await (const message of client.fetch(uidSet(page), { uid: true, internalDate: true, source: { maxLength: limits.maxSourceBytes } }, { uid: true })) {
        if (!message.source) continue;
        const date = message.internalDate ? new Date(message.internalDate).getTime() : Number.NaN;
        fetched.push({ uid: message.uid, source: message.source, internalDate: Number.isNaN(date) ? null : date });
      }
      // Parsing waits until the FETCH completes so the connection is not held by a slow parse.
      for (const { uid, source, internalDate } of fetched) messages.push(await readMessage(path, uid, source, internalDate));
      onPage(start + page.length, wanted.length);
    }
    const lastUid = wanted.length > 0 ? (wanted[wanted.length - 1] as number) : after;
    return { path, uidValidity, restarted, messages, lastUid, more: uids.length > wanted.length };
  } finally {
    lock.release();
  }
}
