import type { Browser, Locator, Page } from 'playwright-core';
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

const CSV = ['First Name,Last Name,Title,Company,Email', 'Ada,Lovelace,CTO,Analytical Engines,ada@engines.io', 'Grace,Hopper,Admiral,Navy,grace@navy.mil', ',,,Nameless Co,'].join('\n');


/** Imports the CSV through the API and waits until it is done. */
async function importPeople(): Promise<number> {
  return app.importCsv('people.csv', CSV, ['firstName', 'lastName', 'jobTitle', 'company.name', 'email']);
}

const textOf = (locator: Locator) => () => locator.textContent();

async function openLead(page: Page, name: string): Promise<Locator> {
  await page.getByRole('link', { name: 'Leads' }).click();
  await page.getByRole('row', { name: new RegExp(name) }).click();
  const pane = page.getByRole('complementary', { name: 'Lead detail' });
  await pane.getByRole('heading', { name }).waitFor();
  return pane;
}

describe('the lead detail pane', () => {
  it('shows provenance, saves an edit, undoes it from History, and adds a tag', async () => {
    const importId = await importPeople();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(app.newLoginUrl());

    const pane = await openLead(page, 'Ada Lovelace');
    const person = pane.getByRole('region', { name: 'Person' });
    await expect.poll(textOf(person)).toContain('CTO');
    expect(await person.textContent()).toContain('from import people.csv');
    expect(await pane.getByRole('button', { name: 'Analytical Engines' }).count()).toBe(1);
    expect(await pane.textContent()).toContain('No activity yet');

    await pane.getByRole('button', { name: 'Edit', exact: true }).click();
    await pane.getByLabel('Job title').fill('x'.repeat(2001));
    await pane.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => pane.getByLabel('Job title').getAttribute('aria-invalid')).toBe('true');
    expect(await pane.locator('.field-error').textContent()).toMatch(/2000/);
    await pane.getByLabel('Job title').fill('VP Engineering');
    await pane.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(textOf(person)).toContain('VP Engineering');
    expect(await person.textContent()).toContain('by you');

    const history = pane.getByRole('list', { name: 'History' });
    const newest = history.locator(':scope > li').first();
    await expect.poll(textOf(newest)).toContain('VP Engineering');
    await newest.getByRole('button', { name: 'Undo this change' }).click();
    await expect.poll(textOf(person)).toContain('CTO');
    expect(await person.textContent()).not.toContain('VP Engineering');
    await expect.poll(textOf(history.locator(':scope > li').first())).toContain('undone');

    await pane.getByLabel('Add a tag to Ada Lovelace').fill('Hot prospect');
    await pane.getByLabel('Add a tag to Ada Lovelace').press('Enter');
    await expect.poll(textOf(pane.getByRole('list', { name: 'Tags' })), { timeout: 30_000 }).toContain('Hot prospect');
    const [ada] = (await app.api<{ items: { id: number; email: string }[] }>('/leads')).items.filter((l) => l.email === 'ada@engines.io');
    const detail = await app.api<{ jobTitle: string; tags: { name: string }[] }>(`/leads/${ada?.id}`);
    expect(detail).toMatchObject({ jobTitle: 'CTO', tags: [{ name: 'Hot prospect' }] });

    await pane.getByRole('button', { name: 'Analytical Engines' }).click();
    const companyPane = page.getByRole('complementary', { name: 'Company detail' });
    await companyPane.getByRole('heading', { name: 'Analytical Engines' }).waitFor();
    await expect.poll(textOf(companyPane.getByRole('region', { name: 'Leads' }))).toContain('1 lead');
    await companyPane.getByRole('button', { name: 'Close' }).click();
    await pane.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();

    await page.getByRole('link', { name: 'Tags & fields' }).click();
    const tagRow = page.getByRole('table', { name: 'Tags' }).getByRole('row', { name: /Hot prospect/ });
    await expect.poll(textOf(tagRow)).toMatch(/Hot prospect\s*1\s*0/);

    await page.getByRole('link', { name: 'Imports' }).click();
    const download = page.getByRole('link', { name: 'Download rejected rows (CSV)' });
    expect(await download.getAttribute('href')).toBe(`/api/v1/imports/${importId}/rejected.csv`);
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), `/api/v1/imports/${importId}/rejected.csv`);
    expect(csv).toContain('Nameless Co');
  });

  it('defines a custom field, offers it as an import target, and edits its value with the range enforced', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(app.newLoginUrl());

    await page.getByRole('link', { name: 'Tags & fields' }).click();
    await page.getByLabel('Field name').fill('Score');
    await page.getByLabel('Type').selectOption({ label: 'Whole number' });
    await page.getByLabel('Minimum (optional)').fill('1');
    await page.getByLabel('Maximum (optional)').fill('10');
    await page.getByRole('button', { name: 'Create field' }).click();
    await expect.poll(textOf(page.getByRole('region', { name: 'On leads' }))).toContain('Whole number from 1 to 10');

    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByLabel('CSV file').setInputFiles({ name: 'scores.csv', mimeType: 'text/csv', buffer: Buffer.from('Email,Score\nada@engines.io,7\n') });
    const scoreColumn = page.getByRole('combobox', { name: 'Map column Score' });
    await scoreColumn.selectOption({ label: 'Score' });
    await page.getByRole('button', { name: 'Start import' }).click();
    await expect.poll(textOf(page.getByRole('table', { name: 'Imports' }).getByRole('row', { name: /scores\.csv/ })), { timeout: 60_000 }).toContain('done');

    const pane = await openLead(page, 'Ada Lovelace');
    const custom = pane.getByRole('region', { name: 'Custom fields' });
    await expect.poll(textOf(custom)).toContain('from import scores.csv');
    expect(await custom.textContent()).toMatch(/Score\s*7/);

    await custom.getByRole('button', { name: 'Edit custom fields' }).click();
    await custom.getByLabel('Score').fill('11');
    await custom.getByRole('button', { name: 'Save custom fields' }).click();
    await expect.poll(textOf(custom)).toContain('above the maximum 10');
    await custom.getByLabel('Score').fill('8');
    await custom.getByRole('button', { name: 'Save custom fields' }).click();
    await expect.poll(textOf(custom)).toMatch(/Score\s*8by you/);

    const reminders = pane.getByRole('region', { name: 'Reminders' });
    await reminders.getByLabel('Due on').fill('2030-05-06');
    await reminders.getByLabel('Note').fill('Call back about the pilot');
    await reminders.getByRole('button', { name: 'Add reminder' }).click();
    await expect.poll(textOf(reminders)).toContain('Call back about the pilot');
    await reminders.getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(textOf(reminders)).toContain('No open reminders.');
  });

  it('deletes a lead after confirmation and closes its pane', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(app.newLoginUrl());
    const pane = await openLead(page, 'Grace Hopper');
    await pane.getByRole('button', { name: 'Delete lead' }).click();
    await pane.getByRole('button', { name: 'Confirm delete' }).click();
    await expect.poll(() => page.getByRole('complementary', { name: 'Lead detail' }).count()).toBe(0);
    const emails = (await app.api<{ items: { email: string }[] }>('/leads')).items.map((l) => l.email);
    expect(emails).toContain('ada@engines.io');
    expect(emails).not.toContain('grace@navy.mil');
  });
});
