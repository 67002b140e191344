import type { Page } from 'playwright-core';
import type { BrowserActionOutput } from '../../../shared/browser/browser-outputs';
import type { WorkItem, WorkOutcome } from '../../../shared/worker-protocol/messages';
import { ChannelError, type ChannelContext } from '../channel';
import type { BrowserSession } from './browser-session';
import { checkMidEffect } from './mid-effect-pause';
import { outreachOutcome } from './outreach-outcome';
import { readOutreachParams } from './outreach-params';
import { isVisible, typeText, waitForAny } from './page-input';
import { profileState } from './profile-state';

async function clickConnect(page: Page, session: BrowserSession, inMenu: boolean, note: string): Promise<void> {
  const p = session.pack.profile;
  if (inMenu && p.moreMenu) await page.locator(p.moreMenu).first().click();
  await page.locator(p.connect).first().click();
  // Either the invitation went at once, or a dialog asks about a note (or the site objects).
  await waitForAny(page, [p.pending, p.addNote, p.sendWithoutNote, p.sendInvite, ...session.warningSelectors()]);
  await checkMidEffect(session);
  if (await isVisible(page, p.pending)) return;
  if (note && p.addNote && p.noteInput && p.sendInvite && (await isVisible(page, p.addNote))) {
    await page.locator(p.addNote).first().click();
    await typeText(page, p.noteInput, note, session);
    await session.pause('action');
    await page.locator(p.sendInvite).first().click();
  } else if (p.sendWithoutNote && (await isVisible(page, p.sendWithoutNote))) {
    await page.locator(p.sendWithoutNote).first().click();
  } else if (p.sendInvite && (await isVisible(page, p.sendInvite))) {
    await page.locator(p.sendInvite).first().click();
  }
  await checkMidEffect(session);
}

/**
 * Sends a connection / friend request (with the body as the note where the site takes one) inside the effect
 * ledger, then reloads the profile and reports only when it shows the invitation pending (or already connected).
 * A profile already pending or connected is reported as already done without acting.
 */
export async function sendInvitation(session: BrowserSession, item: WorkItem, context: ChannelContext): Promise<WorkOutcome> {
  const params = readOutreachParams(item, session.pack);
  const p = session.pack.profile;
  const page = await session.open(params.to);
  await session.pause('page');
  const before = await profileState(page, session.pack);
  const output = (evidence: string, alreadyDone: boolean): BrowserActionOutput => ({ packVersion: session.pack.version, evidence, externalRef: params.to, alreadyDone });
  if (before === 'pending' || before === 'connected') return outreachOutcome(item, output(`the profile already shows ${before === 'pending' ? 'a pending invitation' : 'a connection'}`, true));
  if (before === 'unknown') throw new ChannelError('permanent', `no connect control on ${params.to}`, false, await session.snapshot('no-connect'));
  await session.pause('action');
  context.progress(`inviting ${params.to}`);
  const evidence = await context.effect(item.idempotencyKey, async () => {
    await clickConnect(page, session, before === 'in_menu', params.body?.trim() ?? '');
    const shown = await waitForAny(page, [p.pending, ...session.warningSelectors()]);
    await checkMidEffect(session);
    if (!shown) throw new Error(`no pending invitation shown on ${params.to} after sending`);
    // The page's own state could be optimistic: the reloaded profile must still show it.
    await session.open(params.to);
    const after = await profileState(page, session.pack);
    if (after !== 'pending' && after !== 'connected') throw new Error(`the reloaded profile ${params.to} does not show the invitation (${after})`);
    const label = after === 'pending' ? await page.locator(p.pending).first().innerText() : 'connected';
    return `"${label.trim().slice(0, 100)}" shown on the reloaded profile`;
  });
  return outreachOutcome(item, output(evidence, false));
}
