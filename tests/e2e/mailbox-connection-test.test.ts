import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../helpers/dovecot';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { startBrowserEdition, type BrowserEdition } from './browser-edition-process';
import { launchChromium } from './chromium';

let app: BrowserEdition;
let browser: Browser;
let dovecot: Dovecot;
let sink: SmtpSink;

beforeAll(async () => {
  dovecot = await startDovecot();
  [app, browser, sink] = await Promise.all([startBrowserEdition(), launchChromium(), startSmtpSink({ password: dovecot.password })]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await dovecot?.stop();
  await sink?.close();
});

describe('the mailbox connection test on the profile form', () => {
  it('checks the unsaved form against smtp-server and Dovecot step by step, and names a refused login', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await page.goto(app.newLoginUrl());
    await page.getByRole('link', { name: 'Profiles' }).click();
    await page.getByRole('button', { name: 'Add profile' }).click();
    const form = page.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Kind of account').selectOption('smtp_imap');
    await form.getByLabel('Name', { exact: true }).fill('Local mailbox');
    await form.getByLabel('User name (usually the email address)').fill(dovecot.user);
    await form.getByLabel('Password').fill(dovecot.password);
    await form.getByLabel('SMTP server (sending)').fill('127.0.0.1');
    await form.getByLabel('SMTP port').fill(String(sink.port));
    await form.getByLabel('SMTP security').selectOption('none');
    await form.getByLabel('IMAP server (reading)').fill('127.0.0.1');
    await form.getByLabel('IMAP port').fill(String(dovecot.port));
    await form.getByLabel('IMAP security').selectOption('none');

    const test = form.getByRole('region', { name: 'Connection test' });
    await test.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => test.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Sending and reading both work.');
    const rows = test.getByRole('row');
    expect(await rows.count()).toBe(10);
    expect(await test.textContent()).toContain(`logged in as ${dovecot.user}`);
    expect(await test.textContent()).toContain('"Junk" not on the server');

    await form.getByLabel('Password').fill('not-the-password');
    await test.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => test.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Something failed: see the steps below.');
    expect(await test.textContent()).toContain(`the SMTP server refused the login for ${dovecot.user}: 535`);
    expect(await test.textContent()).toContain(`the IMAP server refused the login for ${dovecot.user}`);
  });
});
