import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const CSV = `first,last,title,email
Ada,Lovelace,CTO,ada@e2e.test
Alan,Turing,Head of Sales,alan@e2e.test
Grace,Hopper,CTO,grace@e2e.test
Ken,Thompson,Intern,ken@e2e.test
Edsger,Dijkstra,cto & founder,edsger@e2e.test
`;

describe('the Rules screen', () => {
  it('builds a rule with a filter, dry-runs it, creates it and shows its counters once the loop performed it', async () => {
    await app.importCsv('rules.csv', CSV, ['firstName', 'lastName', 'jobTitle', 'email']);
    await app.api('/tags', { name: 'technical' });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await page.goto(app.newLoginUrl());
    await page.getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { name: 'Rules', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Name').fill('Tag the CTOs');
    await form.getByLabel('Trigger').selectOption('lead_created');
    await form.getByLabel('Title contains any of').fill('cto');
    await form.getByLabel('Title contains none of').fill('founder');
    await form.getByLabel('Title contains none of').blur();
    await form.getByLabel('Action').selectOption('add_tag');
    await form.getByLabel('Tag', { exact: true }).selectOption({ label: 'technical' });
    await form.getByLabel('Apply to previous records').check();
    await form.getByRole('button', { name: 'Dry run' }).click();
    const result = form.getByRole('status', { name: 'Dry run result' });
    await expect.poll(() => result.textContent()).toContain('2 records match now');
    expect(await result.textContent()).toContain('Grace Hopper');
    expect(await result.textContent()).toContain('Ada Lovelace');
    await form.getByRole('button', { name: 'Create rule' }).click();

    const card = page.getByRole('article', { name: 'Rule Tag the CTOs' });
    await card.waitFor();
    // the rule loop passes every 2 s; the card refreshes on rules.changed
    await expect.poll(() => card.locator('[data-counter="performed"]').textContent(), { timeout: 30_000 }).toBe('2');
    expect(await card.locator('[data-counter="triggered"]').textContent()).toBe('5');
    expect(await card.locator('[data-counter="passed"]').textContent()).toBe('2');
    const leads = await app.api<{ items: { firstName: string | null; tags: { name: string }[] }[] }>('/leads?limit=10');
    expect(leads.items.filter((l) => l.tags.some((t) => t.name === 'technical')).map((l) => l.firstName).sort()).toEqual(['Ada', 'Grace']);

    await card.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => card.textContent()).toContain('paused');
  });
});
