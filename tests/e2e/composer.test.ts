import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserEdition, type BrowserEdition } from './browser-edition-process';
import { launchChromium } from './chromium';

let app: BrowserEdition;
let browser: Browser;
let mailboxId: number;

beforeAll(async () => {
  app = await startBrowserEdition();
  browser = await launchChromium();
  // A stopped mailbox: the picker offers it and the doctor takes its From domain; nothing connects to these hosts.
  const mailbox = await app.api<{ id: number }>('/profiles', {
    typeCode: 'smtp_imap',
    name: 'Sales mailbox',
    settings: { smtp: { host: 'smtp.outpost-e2e.invalid' }, imap: { host: 'imap.outpost-e2e.invalid' }, fromAddress: 'me@outpost-e2e.invalid' },
    credentials: { user: 'me', password: 'e2e-pw' },
  });
  mailboxId = mailbox.id;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const CSV = ['First Name,Last Name,Title,Company,Email', 'Ada,Lovelace,CTO,Analytical Engines,ada@engines.io'].join('\n');


async function importAda(): Promise<void> {
  await app.importCsv('ada.csv', CSV, ['firstName', 'lastName', 'jobTitle', 'company.name', 'email']);
}

const textOf = (locator: Locator) => () => locator.textContent();

describe('the email composer and the deliverability doctor', () => {
  it('previews a template for the lead, refuses unknown fields, queues it for approval and approves it', async () => {
    await importAda();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(app.newLoginUrl());
    await page.getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('row', { name: /Ada Lovelace/ }).click();
    const pane = page.getByRole('complementary', { name: 'Lead detail' });
    const email = pane.getByRole('region', { name: 'Email' });
    await email.getByText('No messages to or from this lead yet.').waitFor();
    const sendFrom = email.getByLabel('Send from');
    expect(await sendFrom.inputValue()).toBe('');
    await expect.poll(textOf(sendFrom)).toContain('Sales mailbox (SMTP/IMAP');
    await sendFrom.selectOption({ label: 'Sales mailbox (SMTP/IMAP, inactive)' });

    await email.getByLabel('Subject').fill('{Hi|Hello} {{first_name|there}}');
    await email.getByLabel('Body').fill('How is {{company.name}} doing? Your {{favourite_colour}} is lovely.');
    const preview = email.getByRole('region', { name: 'Preview for this lead' });
    await expect.poll(textOf(preview)).toMatch(/^Unknown merge fields: \{\{favourite_colour\}\}/);
    expect(await preview.textContent()).toMatch(/(Hi|Hello) AdaHow is Analytical Engines doing\?/);
    const queue = email.getByRole('button', { name: 'Queue for approval' });
    expect(await queue.getAttribute('aria-disabled')).toBe('true');
    expect(await email.textContent()).toContain('Not queued: fix the unknown merge fields first.');
    // aria-disabled counts as not enabled for Playwright, yet a person can click it and is told why nothing was queued.
    await queue.click({ force: true });
    await expect.poll(textOf(email.getByRole('alert').filter({ hasText: 'Not queued:' }))).toBe('Not queued: fix the unknown merge fields first.');
    expect((await app.api<{ items: unknown[] }>('/outreach')).items).toHaveLength(0);

    await email.getByLabel('Body').fill('How is {{company.name}} doing?');
    await expect.poll(() => queue.getAttribute('aria-disabled')).toBe('false');
    expect(await preview.textContent()).not.toContain('Unknown merge fields');
    await queue.click();
    await expect.poll(textOf(email.getByRole('status'))).toContain('Queued: it waits for your approval');
    const message = email.getByRole('list', { name: 'Messages' }).getByRole('listitem');
    await expect.poll(textOf(message)).toMatch(/To lead\s*Awaiting approval/);
    expect(await message.textContent()).toMatch(/(Hi|Hello) Ada/);
    expect(await email.getByLabel('Subject').inputValue()).toBe('');

    await message.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(textOf(message)).toContain('Approved, waiting to be sent');
    expect(await message.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    const [item] = (await app.api<{ items: { approval: string; address: string; body: string; profileId: number }[] }>('/outreach')).items;
    expect(item).toMatchObject({ approval: 'approved', profileId: mailboxId, address: 'ada@engines.io', body: expect.stringContaining('How is Analytical Engines doing?') });
  });

  it('shows the doctor refusing a malformed domain and reporting each check with what to fix for a domain that does not resolve', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(app.newLoginUrl());
    await page.getByRole('link', { name: 'Settings' }).click();
    const doctor = page.getByRole('region', { name: 'Deliverability doctor' });
    await expect.poll(() => doctor.getByLabel('Sending domain').inputValue()).toBe('outpost-e2e.invalid');
    await doctor.getByLabel('Sending domain').fill('not a domain');
    await doctor.getByRole('button', { name: 'Check domain' }).click();
    await expect.poll(textOf(doctor.getByRole('alert'))).toMatch(/The doctor could not run: .*not a domain name/);

    // `.invalid` never resolves (RFC 6761): whether the resolver answers NXDOMAIN or cannot be reached, no check passes.
    await doctor.getByLabel('Sending domain').fill('outpost-e2e.invalid');
    await doctor.getByLabel('DKIM selector (optional)').fill('bad selector');
    await doctor.getByRole('button', { name: 'Check domain' }).click();
    await expect.poll(textOf(doctor.getByRole('alert'))).toMatch(/a DKIM selector is a DNS label/);
    await doctor.getByLabel('DKIM selector (optional)').fill('');
    await doctor.getByRole('button', { name: 'Check domain' }).click();
    const checks = doctor.getByRole('list', { name: 'DNS checks' });
    await expect.poll(textOf(checks), { timeout: 120_000 }).toContain('MX (receiving replies and bounces)');
    const mx = checks.getByRole('listitem', { name: 'MX (receiving replies and bounces)' });
    expect(await mx.textContent()).toMatch(/(Fail: missing or broken|Could not check: DNS did not answer).*To fix: /);
    expect(await doctor.getByRole('list', { name: 'Sender requirements' }).getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await doctor.getByRole('alert').count()).toBe(0);
  });
});
