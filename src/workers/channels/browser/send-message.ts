import type { Page } from 'playwright-core';
import type { SitePack } from '../../../shared/browser/site-pack';
import type { WorkItem, WorkOutcome } from '../../../shared/worker-protocol/messages';
import { ChannelError, type ChannelContext } from '../channel';
import type { BrowserSession } from './browser-session';
import { checkMidEffect } from './mid-effect-pause';
import { outreachOutcome } from './outreach-outcome';
import { readOutreachParams } from './outreach-params';
import { collapse, typeText, waitForAny } from './page-input';
import { profileState } from './profile-state';

/** How many of our messages in the open thread show this text. */
export function countSent(page: Page, pack: SitePack, text: string): Promise<number> {
  const m = pack.messaging;
  return page.evaluate(
    ({ message, outgoing, textSelector, wanted }) => {
      const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
      return Array.from(document.querySelectorAll(message)).filter((el) => {
        const box = textSelector ? el.querySelector(textSelector) : el;
        return el.matches(outgoing) && box !== null && norm(box.textContent ?? '').includes(wanted);
      }).length;
    },
    { message: m.message, outgoing: m.outgoing, textSelector: m.messageText.selector ?? null, wanted: collapse(text).slice(0, 200) },
  );
}

/** Opens the thread with the person from their profile's message control; a profile without one is a permanent failure. */
export async function openThread(session: BrowserSession, profileUrl: string): Promise<Page> {
  const { pack } = session;
  const page = await session.open(profileUrl);
  await session.pause('page');
  if (!(await waitForAny(page, [pack.profile.message], 5_000))) {
    const state = await profileState(page, pack);
    const why = state === 'pending' ? 'the invitation is still pending' : state === 'connected' ? 'the control is missing' : 'not connected?';
    throw new ChannelError('permanent', `no message control on ${profileUrl} (${why})`, false, await session.snapshot('no-message'));
  }
  await session.pause('action');
  await page.locator(pack.profile.message).first().click();
  if (!(await waitForAny(page, [pack.messaging.input]))) {
    await session.check();
    throw new ChannelError('transient', `the message box did not open for ${profileUrl}`, false, await session.snapshot('no-message-box'));
  }
  await session.check();
  return page;
}

/**
 * Sends a message to a connection inside the effect ledger and reports only once the message shows in the thread
 * (one more of ours with this text than before); the thread URL is the external reference.
 */
export async function sendMessage(session: BrowserSession, item: WorkItem, context: ChannelContext): Promise<WorkOutcome> {
  const params = readOutreachParams(item, session.pack);
  const body = params.body?.trim() ?? '';
  if (!body) throw new ChannelError('permanent', 'a message needs a body');
  const { pack } = session;
  const page = await openThread(session, params.to);
  const threadUrl = session.realUrl(page.url());
  const before = await countSent(page, pack, body);
  context.progress(`messaging ${params.to}`);
  await context.effect(item.idempotencyKey, async () => {
    await typeText(page, pack.messaging.input, body, session);
    await session.pause('action');
    await page.locator(pack.messaging.send).first().click();
    await checkMidEffect(session);
    const deadline = Date.now() + 15_000;
    while ((await countSent(page, pack, body)) <= before) {
      await checkMidEffect(session);
      if (Date.now() > deadline) throw new Error(`the message did not show in the thread with ${params.to}`);
      await page.waitForTimeout(100);
    }
    // The page's own echo could be optimistic: the reloaded thread must still show it.
    if (threadUrl) await session.open(threadUrl);
    if ((await countSent(page, pack, body)) <= before) throw new Error(`the message is gone from the reloaded thread with ${params.to}`);
  });
  return outreachOutcome(item, { packVersion: pack.version, evidence: 'the message shows in the reloaded thread', externalRef: threadUrl, alreadyDone: false });
}
