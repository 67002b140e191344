import { inboxMark, type InboxCheckOutput, type InboxMark } from '../../../shared/inbox-check-output';
import type { WorkItem, WorkOutcome, WorkerProfile } from '../../../shared/worker-protocol/messages';
import { PauseError, type ChannelContext } from '../channel';
import { closeImap, connectImap, imapFailure } from './inbox/imap-client';
import { readImapSettings } from './inbox/imap-settings';
import { inboxFolders } from './inbox/inbox-folders';
import { readFolder, type ReadLimits } from './inbox/read-folder';

/** Messages one check reads at most; the rest waits for the next check (`more` in the output), so output and memory stay bounded. */
export const DEFAULT_MAX_MESSAGES = 1000;
const LIMITS: ReadLimits = { pageSize: 100, maxSourceBytes: 256 * 1024 };

function startMark(params: Record<string, unknown>, context: ChannelContext): InboxMark {
  const raw = typeof params.mark === 'string' ? (JSON.parse(params.mark) as unknown) : (params.mark ?? {});
  const parsed = inboxMark.safeParse(raw);
  if (parsed.success) return parsed.data;
  // A mark we cannot read only costs a re-read: stored messages are unique by Message-ID.
  context.log('warn', 'inbox mark unreadable; reading every folder from the start', { mark: raw as Record<string, unknown> });
  return { folders: {} };
}

function maxMessages(params: Record<string, unknown>): number {
  const max = params.maxMessages;
  return typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : DEFAULT_MAX_MESSAGES;
}

/**
 * Performs an inbox check: reads the inbox and spam folders from the high-water mark in `item.params.mark`
 * (per folder UIDVALIDITY + last UID; a changed UIDVALIDITY rereads that folder), classifies each message and
 * returns them with the new mark. Nothing on the server is changed.
 */
export async function checkInbox(profile: WorkerProfile, item: WorkItem, context: ChannelContext): Promise<WorkOutcome> {
  let client: Awaited<ReturnType<typeof connectImap>> | null = null;
  try {
    const settings = readImapSettings(profile);
    const mark = startMark(item.params, context);
    client = await connectImap(settings);
    const output: InboxCheckOutput = { mark: { folders: { ...mark.folders } }, messages: [], more: false, folders: [] };
    let budget = maxMessages(item.params);
    for (const path of await inboxFolders(client, settings)) {
      const read = await readFolder(client, path, mark.folders[path], budget, LIMITS, (done, total) => context.progress(`${path}: ${done} of ${total} messages`));
      if (read.restarted) context.log('info', 'folder UIDVALIDITY changed; reading it again from the start', { path, uidValidity: read.uidValidity });
      output.mark.folders[path] = { uidValidity: read.uidValidity, lastUid: read.lastUid };
      output.messages.push(...read.messages);
      output.folders.push({ path, uidValidity: read.uidValidity, read: read.messages.length, restarted: read.restarted });
      output.more ||= read.more;
      budget -= read.messages.length;
    }
    return { outcome: 'performed', output, hit: output.messages.length > 0, effects: [] };
  } catch (error) {
    const failure = imapFailure(error);
    // A refused login pauses the profile (the worker runtime reports it); the check waits for the operator.
    if (failure instanceof PauseError) throw failure;
    return { outcome: 'failed', errorKind: failure.kind, errorText: failure.message, effects: [], network: failure.network };
  } finally {
    if (client) await closeImap(client);
  }
}
