import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserEdition, type BrowserEdition } from './browser-edition-process';
import { launchChromium } from './chromium';

let app: BrowserEdition;
let browser: Browser;

beforeAll(async () => {
  app = await startBrowserEdition(['--demo']);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});


const textOf = (locator: Locator) => async () => (await locator.textContent()) ?? '';

describe('the Outbox screen', () => {
  it('shows each waiting item with its reason in words, filters by reason, and shows the capacity calendar', async () => {
    const leads = await app.api<{ items: { id: number }[] }>('/leads?limit=2');
    const [first, second] = leads.items;
    if (!first || !second) throw new Error('the demo has no leads');
    const mailbox = await app.api<{ id: number }>('/profiles', {
      typeCode: 'smtp_imap',
      name: 'Stopped mailbox',
      settings: { smtp: { host: 'smtp.example.com' }, imap: { host: 'imap.example.com' } },
      credentials: { user: 'me@example.com', password: 'e2e-pw' },
    });
    const held = await app.api<{ id: number }>('/outreach', { leadId: first.id, typeCode: 'email', subject: 'Hello', body: 'Hi there', profileId: mailbox.id });
    const loose = await app.api<{ id: number }>('/outreach', { leadId: second.id, typeCode: 'email', subject: 'Hello', body: 'Hi there' });

    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(app.newLoginUrl());
    await page.getByRole('link', { name: 'Outbox' }).click();
    const table = page.getByRole('table', { name: 'Waiting items' });
    await expect.poll(textOf(table)).toContain('Waiting for approval');

    await app.api(`/outreach/${held.id}/approve`, {});
    await app.api(`/outreach/${loose.id}/approve`, {});
    await page.reload();
    await expect.poll(textOf(table)).toContain('Profile stopped');
    // the only mailbox is stopped, so nothing can take the unassigned one
    expect(await table.textContent()).toContain('No profile can send it');
    expect(await table.textContent()).toContain('Stopped mailbox');

    await page.getByLabel('Reason').selectOption('profile_stopped');
    await expect.poll(async () => table.locator('tbody tr').count()).toBe(1);
    expect(await table.textContent()).not.toContain('No profile can send it');

    const calendar = page.getByRole('table', { name: 'Capacity calendar' });
    await expect.poll(textOf(calendar)).toContain('email');
    const connectivity = await app.api<{ online: boolean }>('/connectivity');
    expect(connectivity.online).toBe(true);
    expect(await page.getByRole('status', { name: 'Connectivity' }).count()).toBe(0);
  });
});
