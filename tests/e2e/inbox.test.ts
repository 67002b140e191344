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
  [app, browser, dovecot, sink] = await Promise.all([startBrowserEdition(['--demo']), launchChromium(), startDovecot(), startSmtpSink()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await dovecot?.stop();
  await sink?.close();
});

const api = async (path: string, body?: unknown) => {
  const res = await fetch(`${app.origin}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${app.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, path).toBe(200);
  return res.json();
};

describe('the Inbox screen', () => {
  it("shows a lead's reply read by a mailbox profile's worker from Dovecot, and the conversation, and sends the operator's answer", async () => {
    const { items } = await api('/leads?limit=1');
    const lead = items[0] as { email: string; firstName: string | null };
    await dovecot.deliver('INBOX', [
      [`From: ${lead.email}`, 'To: anna@acme-sales.test', 'Subject: Re: Our call', 'Message-ID: <e2e-reply@lead.example>', 'Date: Mon, 16 Nov 2026 18:02:11 +0000', '', 'Happy to talk on Thursday.', ''].join('\r\n'),
    ]);
    const profile = await api('/profiles', {
      typeCode: 'smtp_imap',
      name: 'Sales mailbox',
      settings: { imap: dovecot.profileSettings.imap, smtp: { host: '127.0.0.1', port: sink.port, security: 'none' }, fromAddress: 'anna@acme-sales.test', copyToSent: false },
      credentials: { user: dovecot.user, password: dovecot.password },
      // A reply goes out at once, whatever the time of day the test runs.
      policy: { schedule: null, rampUp: null },
    });
    await api(`/profiles/${profile.id}/start`, {});

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(app.newLoginUrl());
    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    // the plan loop queues the first inbox check, the worker reads Dovecot, and inbox.received refreshes the list
    const table = page.getByRole('table', { name: 'Incoming messages by lead' });
    await expect.poll(() => table.textContent(), { timeout: 60_000 }).toContain('Re: Our call');
    expect(await table.textContent()).toContain('Reply');

    await table.getByRole('button').first().click();
    const thread = page.getByRole('region', { name: /^Conversation with/ });
    await expect.poll(() => thread.textContent()).toContain('Happy to talk on Thursday.');

    // The operator answers from the thread: the same mailbox sends it, threaded under the lead's message.
    await thread.getByLabel('Reply to “Re: Our call”').fill('Thursday at 10 works for me.');
    await thread.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => thread.getByRole('status').textContent()).toContain(`Sending "Re: Our call" to ${lead.email}`);
    const [sent] = await sink.received(1);
    expect(sent?.to).toEqual([lead.email]);
    expect(sent?.raw).toMatch(/^In-Reply-To: <e2e-reply@lead\.example>\r?$/m);
    expect(sent?.raw).toMatch(/^Subject: Re: Our call\r?$/m);
    expect(sent?.raw).toContain('Thursday at 10 works for me.');
    await expect.poll(() => thread.textContent(), { timeout: 30_000 }).toContain('Thursday at 10 works for me.');
    await page.getByRole('radiogroup', { name: 'Kind of message' }).getByText('Hard bounce').click();
    await expect.poll(() => page.getByText('No incoming messages yet.').count()).toBe(1);
  });
});
