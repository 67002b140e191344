import type { Page } from 'playwright-core';
import type { BrowserSession } from './browser-session';
import { randomMs } from './human-delay';

/** Whether an element matching the selector is visible now (false when the selector does not parse). */
export function isVisible(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().isVisible().catch(() => false);
}

/** Waits until one of the selectors shows; false when none did within the page's action timeout. */
export async function waitForAny(page: Page, selectors: readonly (string | undefined)[], timeout?: number): Promise<boolean> {
  const list = selectors.filter((s): s is string => Boolean(s));
  return page
    .locator(list.join(', '))
    .first()
    .waitFor({ state: 'visible', ...(timeout === undefined ? {} : { timeout }) })
    .then(() => true)
    .catch(() => false);
}

/** Types into a field key by key at a human pace (filled at once when delays are off). */
export async function typeText(page: Page, selector: string, text: string, session: BrowserSession): Promise<void> {
  const field = page.locator(selector).first();
  await field.click();
  const delay = randomMs(session.pack.delays.typing, session.settings.delayScale);
  if (delay === 0) await field.fill(text);
  else await field.pressSequentially(text, { delay });
}

/** Text compared the way pages show it: whitespace collapsed. */
export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
