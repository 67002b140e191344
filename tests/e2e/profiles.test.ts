import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileRecord } from '../../src/shared/contract/schemas/profiles';
import { startBrowserEdition, type BrowserEdition } from './browser-edition-process';
import { launchChromium } from './chromium';

let app: BrowserEdition;
let browser: Browser;

beforeAll(async () => {
  app = await startBrowserEdition();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const PASSWORD = 'e2e-Secret-pw-4711';

const profiles = async (): Promise<ProfileRecord[]> =>
  (await (await fetch(`${app.origin}/api/v1/profiles`, { headers: { authorization: `Bearer ${app.apiKey}` } })).json()).items;
const textOf = (locator: Locator) => async () => (await locator.textContent()) ?? '';
const rowOf = (page: Page, name: string) => page.getByRole('table', { name: 'Profiles' }).getByRole('row').filter({ hasText: name });

describe('the Profiles screen', () => {
  it('adds a generic mailbox through the form, lists it with credentials set, edits it, starts and stops it', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(app.newLoginUrl());
    await page.getByRole('link', { name: 'Profiles' }).click();
    await page.getByRole('button', { name: 'Add profile' }).click();

    const form = page.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Kind of account').selectOption('smtp_imap');
    await form.getByLabel('Name', { exact: true }).fill('Outreach mailbox');
    await form.getByLabel('User name (usually the email address)').fill('me@example.com');
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByLabel('SMTP server (sending)').fill('smtp.example.com');
    await form.getByLabel('IMAP server (reading)').fill('imap.example.com');
    await form.getByRole('button', { name: 'Add profile' }).click();

    const row = rowOf(page, 'Outreach mailbox');
    await expect.poll(textOf(row)).toContain('Generic SMTP/IMAP mailbox');
    expect(await row.textContent()).toContain('set');
    expect(await row.textContent()).toContain('Stopped');
    expect(await page.content()).not.toContain(PASSWORD);

    await page.getByRole('button', { name: 'Edit Outreach mailbox' }).click();
    const edit = page.getByRole('form', { name: 'Edit profile Outreach mailbox' });
    expect(await edit.getByLabel('Password').inputValue()).toBe('');
    expect(await edit.getByLabel('SMTP server (sending)').inputValue()).toBe('smtp.example.com');
    await edit.getByLabel('Name', { exact: true }).fill('Renamed mailbox');
    await edit.getByLabel('SMTP port').fill('2525');
    await edit.getByRole('button', { name: 'Save profile' }).click();
    const renamed = rowOf(page, 'Renamed mailbox');
    await expect.poll(textOf(renamed)).toContain('set');
    const [saved] = await profiles();
    expect(saved).toMatchObject({ name: 'Renamed mailbox', settings: { smtp: { host: 'smtp.example.com', port: 2525 } }, credentials: [{ name: 'user', set: true }, { name: 'password', set: true }] });

    await page.getByRole('button', { name: 'Start Renamed mailbox' }).click();
    await expect.poll(async () => (await profiles())[0]?.state, { timeout: 60_000 }).toMatch(/^(online|failed)$/);
    const started = (await profiles())[0];
    if (started?.state === 'failed') {
      // A build without the mailbox channel refuses the worker: the screen shows the failure and its reason.
      await expect.poll(textOf(renamed)).toContain('Failed');
      expect(await renamed.textContent()).toContain(started.stateDetail ?? '');
    } else {
      await expect.poll(textOf(renamed)).toContain('Online');
    }
    await page.getByRole('button', { name: 'Stop Renamed mailbox' }).click();
    await expect.poll(textOf(renamed), { timeout: 60_000 }).toContain('Stopped');
  });

  it('shows a profile whose worker is refused as failed, with the reason', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(app.newLoginUrl());
    await page.getByRole('link', { name: 'Profiles' }).click();
    await page.getByRole('button', { name: 'Add profile' }).click();
    const form = page.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Kind of account').selectOption('public_web');
    await form.getByLabel('Name', { exact: true }).fill('Public pages');
    await form.getByRole('button', { name: 'Add profile' }).click();
    const row = rowOf(page, 'Public pages');
    await expect.poll(textOf(row)).toContain('None needed');
    await page.getByRole('button', { name: 'Start Public pages' }).click();
    await expect.poll(textOf(row), { timeout: 60_000 }).toContain('Failed');
    expect(await row.textContent()).toContain('no channel for profile type public_web');
    expect(await row.getByRole('button', { name: 'Resume Public pages' }).count()).toBe(1);
  });
});
