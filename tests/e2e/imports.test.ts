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

const CSV = [
  'First Name,Last Name,Title,Company,Email,Person Linkedin Url,Website',
  'Ada,Lovelace,CTO,Analytical Engines,ada@engines.io,https://www.linkedin.com/in/ada/,engines.io',
  'Grace,Hopper,Admiral,Navy,grace@navy.mil,,navy.mil',
  ',,,Nameless Co,,,',
  'ADA,Lovelace,Countess,,ada@engines.io,,',
].join('\n');

describe('importing a CSV from the dashboard', () => {
  it('previews with a recognised mapping, imports in the background and shows the leads', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.goto(app.newLoginUrl());
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByLabel('CSV file').setInputFiles({ name: 'apollo.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('table', { name: 'Import preview' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Map column Email' }).inputValue()).toBe('email');
    expect(await page.getByRole('combobox', { name: 'Map column Website' }).inputValue()).toBe('company.domain');
    await page.getByLabel('Tag imported leads').fill('Conference');
    await page.getByRole('button', { name: 'Start import' }).click();

    const imports = page.getByRole('table', { name: 'Imports' });
    await expect.poll(() => imports.locator('tbody tr').first().textContent(), { timeout: 60_000 }).toContain('done');
    const res = await fetch(`${app.origin}/api/v1/imports`, { headers: { authorization: `Bearer ${app.apiKey}` } });
    const [summary] = (await res.json()).items;
    expect(summary).toMatchObject({ fileName: 'apollo.csv', status: 'done', inserted: 2, duplicate: 1, rejected: 1 });

    await page.getByRole('link', { name: 'Leads' }).click();
    await expect.poll(() => page.getByText('2 leads').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('table', { name: 'Leads' }).textContent()).toContain('ada@engines.io');
  });

  it('imports text pasted into the form', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.goto(app.newLoginUrl());
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByLabel('Or paste CSV text').fill('email;first name;last name\nzed@pasted.io;Zed;Pasted\n');
    await page.getByRole('button', { name: 'Preview pasted text' }).click();
    await page.getByRole('table', { name: 'Import preview' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Map column email' }).inputValue()).toBe('email');
    await page.getByRole('button', { name: 'Start import' }).click();

    const pasted = async () => {
      const res = await fetch(`${app.origin}/api/v1/imports`, { headers: { authorization: `Bearer ${app.apiKey}` } });
      return ((await res.json()).items as { fileName: string; status: string; inserted: number }[]).find((i) => i.fileName === 'pasted.csv');
    };
    await expect.poll(async () => (await pasted())?.status, { timeout: 60_000 }).toBe('done');
    expect((await pasted())?.inserted).toBe(1);
    await page.getByRole('link', { name: 'Leads' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Leads' }).textContent()).toContain('zed@pasted.io');
  });
});
