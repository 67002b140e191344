import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserEdition, type BrowserEdition } from './browser-edition-process';
import { seriousViolations } from './axe-scan';
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

const CSV = `first,last,title,company,email
Ada,Lovelace,CTO,Analytical Engines,ada@automation.test
Alan,Turing,Intern,,alan@automation.test
`;

describe('automation through the screens', () => {
  it('builds a sequence and a rule that enrolls into it, sees the rendered message wait for approval, edits and approves it, and suppresses an address', async () => {
    await app.importCsv('automation.csv', CSV, ['firstName', 'lastName', 'jobTitle', 'company.name', 'email']);
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await page.goto(app.newLoginUrl());

    await page.getByRole('link', { name: 'Sequences' }).click();
    await page.getByRole('heading', { name: 'Sequences', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New sequence' }).click();
    const editor = page.getByRole('region', { name: 'Sequence editor' });
    await editor.getByLabel('Sequence name').fill('Welcome');
    await editor.getByLabel('Status').selectOption('active');
    await editor.getByLabel('Step 1 subject').fill('Hello {{first_name|there}}');
    await editor.getByLabel('Step 1 body').fill('Hi {{first_name|there}}, how is {{company.name|your team}}?');
    expect(await seriousViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Save sequence' }).click();
    await page.getByRole('table', { name: 'Sequences' }).getByRole('cell', { name: 'Welcome' }).waitFor();
    // the saved sequence stays open with its enrollment and preview tools
    await editor.getByRole('button', { name: 'Enroll these' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const { items: sequences } = await app.api<{ items: { id: number; name: string; status: string }[] }>('/sequences');
    const welcome = sequences.find((s) => s.name === 'Welcome');
    expect(welcome?.status).toBe('active');

    await page.getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { name: 'Rules', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Name').fill('Welcome the CTOs');
    await form.getByLabel('Trigger').selectOption('lead_created');
    await form.getByLabel('Title contains any of').fill('cto');
    await form.getByLabel('Title contains any of').blur();
    await form.getByLabel('Action').selectOption('enroll');
    await form.getByLabel('Sequence').fill(String(welcome?.id));
    await form.getByLabel('Apply to previous records').check();
    await form.getByRole('button', { name: 'Create rule' }).click();
    const card = page.getByRole('article', { name: 'Rule Welcome the CTOs' });
    // the rule loop passes every 2 s
    await expect.poll(() => card.locator('[data-counter="performed"]').textContent(), { timeout: 30_000 }).toBe('1');

    await page.getByRole('link', { name: 'Approvals' }).click();
    await page.getByRole('heading', { name: 'Approvals', level: 1 }).waitFor();
    // the sequence loop passes every 30 s and the screen refreshes on approvals.changed
    const approval = page.getByRole('article', { name: /^Approval \d+$/ });
    await approval.waitFor({ timeout: 75_000 });
    expect(await approval.textContent()).toContain('Hello Ada');
    expect(await approval.textContent()).toContain('Hi Ada, how is Analytical Engines?');
    expect(await approval.textContent()).toContain('Sequence Welcome, step 1');
    expect(await seriousViolations(page)).toEqual([]);
    await approval.getByRole('button', { name: 'Edit' }).click();
    await approval.getByLabel('Body').fill('Hi Ada, a short note about Analytical Engines.');
    await approval.getByRole('button', { name: 'Save text' }).click();
    await expect.poll(() => approval.locator('pre').textContent()).toBe('Hi Ada, a short note about Analytical Engines.');
    const stored = await app.api<{ items: { body: string | null }[] }>('/approvals');
    expect(stored.items.map((i) => i.body)).toEqual(['Hi Ada, a short note about Analytical Engines.']);
    await approval.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByText('Nothing waits for approval.').waitFor();
    const { waiting } = await app.api<{ waiting: number }>('/approvals');
    expect(waiting).toBe(0);

    await page.getByRole('link', { name: 'Suppression' }).click();
    await page.getByRole('heading', { name: 'Suppression list', level: 1 }).waitFor();
    await page.getByLabel('Address to suppress').fill('alan@automation.test');
    await page.getByLabel('Note', { exact: true }).fill('asked by phone');
    await page.getByRole('button', { name: 'Suppress' }).click();
    const row = page.getByRole('table', { name: 'Suppressions' }).getByRole('row', { name: /alan@automation\.test/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('asked by phone');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
