import type { BrowserInboxOutput, BrowserMessage } from '../../../shared/browser/browser-outputs';
import type { WorkItem, WorkOutcome } from '../../../shared/worker-protocol/messages';
import type { ChannelContext } from '../channel';
import { inboxMark, readMark, type InboxMark } from './browser-marks';
import type { BrowserSession } from './browser-session';
import { readRows } from './read-fields';

/** Threads remembered in the mark at most; the oldest fall out (a re-read only repeats messages main already has). */
const MAX_MARKED_THREADS = 500;

const iso = (value: string | null): string | null => {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};

async function readThread(session: BrowserSession, threadUrl: string, lastId: string | null): Promise<{ messages: BrowserMessage[]; lastId: string | null }> {
  const m = session.pack.messaging;
  const page = await session.open(threadUrl);
  const [head] = await readRows(page, ':root', { profile: m.threadProfile, name: m.threadName }, 1);
  const profileUrl = head?.profile ? session.realUrl(head.profile) : null;
  const rows = await readRows(page, m.message, { id: m.messageId, text: m.messageText, ...(m.messageTime ? { time: m.messageTime } : {}) }, 5_000);
  const outgoing = await page.evaluate(({ message, outgoing }) => Array.from(document.querySelectorAll(message)).map((el) => el.matches(outgoing)), { message: m.message, outgoing: m.outgoing });
  const ids = rows.map((r, i) => r.id ?? `#${i}`);
  const start = lastId === null ? 0 : ids.lastIndexOf(lastId) + 1;
  const messages = rows.slice(start).flatMap((r, i): BrowserMessage[] =>
    profileUrl && r.text
      ? [
          {
            externalId: `${threadUrl}#${ids[start + i] ?? ''}`.slice(0, 500),
            threadUrl,
            direction: outgoing[start + i] ? 'outgoing' : 'incoming',
            profileUrl,
            name: head?.name?.slice(0, 300) ?? null,
            text: r.text.slice(0, 20_000),
            sentAt: iso(r.time ?? null),
          },
        ]
      : [],
  );
  return { messages, lastId: ids.at(-1) ?? lastId };
}

/**
 * Performs a browser inbox check: reads the conversation list, opens the threads whose stamp changed since the mark
 * (at most the pack's maxThreads, newest first) and returns their messages after the last one read, with the new mark.
 */
export async function checkConversations(session: BrowserSession, item: WorkItem, context: ChannelContext): Promise<WorkOutcome> {
  const { pack } = session;
  const mark = readMark(inboxMark, item.params.mark);
  const page = await session.open(new URL(pack.urls.messaging, pack.origin).toString());
  const rows = await readRows(page, pack.messaging.conversation, { link: pack.messaging.conversationLink, stamp: pack.messaging.conversationStamp }, pack.limits.maxThreads);
  const threads: InboxMark['threads'] = {};
  const messages: BrowserMessage[] = [];
  for (const row of rows) {
    const url = row.link ? session.realUrl(row.link) : null;
    if (!url || threads[url]) continue;
    const known = mark.threads[url];
    if (known && known.stamp === (row.stamp ?? null)) {
      threads[url] = known;
      continue;
    }
    context.progress(`reading ${url}`);
    await session.pause('page');
    const read = await readThread(session, url, known?.lastId ?? null);
    messages.push(...read.messages);
    threads[url] = { stamp: row.stamp ?? null, lastId: read.lastId };
  }
  // Threads not in today's list keep their place in the mark, behind the ones just seen.
  for (const [url, entry] of Object.entries(mark.threads)) if (!threads[url] && Object.keys(threads).length < MAX_MARKED_THREADS) threads[url] = entry;
  const output: BrowserInboxOutput = { packVersion: pack.version, messages, mark: { threads } };
  return { outcome: 'performed', output, hit: messages.some((m) => m.direction === 'incoming'), effects: [] };
}
