import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserEdition, type BrowserEdition } from './browser-edition-process';
import { launchChromium } from './chromium';

let app: BrowserEdition;
let browser: Browser;
let page: Page;

// Demo leads all have an email; these three are the only ones a presence filter or the search below can single out.
const CSV = [
  'First Name,Last Name,Title,Email,Company,Website',
  'Zebulon,Quayle,Chief Zebra Officer,,Zebra Works,zebra-works.test',
  'Zelda,Quixote,Zookeeper,,Zebra Works,zebra-works.test',
  'Yara,Zimmer,Analyst,yara@zimmer.test,Zimmer AG,zimmer.test',
].join('\n');

const api = async (path: string, init: RequestInit = {}): Promise<unknown> => {
  const res = await fetch(`${app.origin}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json', ...init.headers },
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
};

beforeAll(async () => {
  app = await startBrowserEdition(['--demo']);
  browser = await launchChromium();
  await api('/imports', {
    method: 'POST',
    body: JSON.stringify({
      fileName: 'zebras.csv',
      content: Buffer.from(CSV).toString('base64'),
      mapping: ['firstName', 'lastName', 'jobTitle', 'email', 'company.name', 'company.domain'],
    }),
  });
  while (((await api('/imports')) as { items: { status: string }[] }).items[0]?.status !== 'done') await new Promise((r) => setTimeout(r, 100));
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })).newPage();
  await page.goto(app.newLoginUrl());
  await page.getByRole('link', { name: 'Leads', exact: true }).click();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const leadsTable = () => page.getByRole('table', { name: 'Leads' });
const count = () => page.getByRole('status').filter({ hasText: /^[\d,]+ leads?$/ }).textContent();
const search = () => page.getByRole('searchbox', { name: 'Search leads' });
const bodyRows = () => leadsTable().locator('tbody tr:not(.spacer)');

describe('the Leads workspace', () => {
  it('shows the total and narrows the table as the search is typed', async () => {
    await expect.poll(count, { timeout: 30_000 }).toBe('3,003 leads');
    await search().fill('Zebulon');
    await expect.poll(count).toBe('1 lead');
    await search().fill('zebra works');
    await expect.poll(count).toBe('2 leads');
    expect(await leadsTable().textContent()).toContain('Zebra Works');
    await search().fill('');
    await expect.poll(count).toBe('3,003 leads');
  });

  it('filters on a missing email and sorts by a clicked column, both ways', async () => {
    await page.getByText('Filters', { exact: true }).click();
    const hasEmail = page.getByRole('group', { name: 'Has email' });
    await hasEmail.getByText('No', { exact: true }).click();
    expect(await hasEmail.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    await expect.poll(count).toBe('2 leads');
    await expect.poll(() => page.getByRole('list', { name: 'Active filters' }).textContent()).toContain('Email: no');

    const nameHeader = leadsTable().getByRole('columnheader', { name: 'Name' });
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => bodyRows().first().textContent()).toContain('Quayle');
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => bodyRows().first().textContent()).toContain('Quixote');
  });

  it('keeps the filtered view in the URL across a reload', async () => {
    expect(page.url()).toContain('s=lastName.desc');
    await page.reload();
    await expect.poll(count, { timeout: 30_000 }).toBe('2 leads');
    await expect.poll(() => bodyRows().first().textContent()).toContain('Quixote');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(count).toBe('3,003 leads');
  });

  it('loads further pages as the table scrolls, drawing only the rows in view', async () => {
    const frame = page.locator('.virtual-frame');
    const lastIndex = () => bodyRows().last().getAttribute('aria-rowindex').then(Number);
    expect(await bodyRows().count()).toBeLessThan(80);
    for (let i = 0; i < 6; i++) {
      await frame.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.waitForTimeout(150);
    }
    await expect.poll(lastIndex, { timeout: 30_000 }).toBeGreaterThan(300);
    expect(await bodyRows().count()).toBeLessThan(80);
    expect(await leadsTable().getAttribute('aria-rowcount')).toBe('3004');
  });

  it('tags every lead matching the filter in bulk, with progress, and shows the chip on the rows', async () => {
    await search().fill('zebra works');
    await expect.poll(count).toBe('2 leads');
    const bulk = page.getByRole('region', { name: 'Bulk actions' });
    await bulk.getByLabel('Select all 2 leads matching').check();
    await bulk.getByLabel('Tag for the selected leads').fill('Zoo');
    await bulk.getByRole('button', { name: 'Add tag' }).click();
    await expect.poll(() => bulk.getByRole('status').textContent(), { timeout: 30_000 }).toContain('Tag added: 2 of 2 leads changed');
    await expect.poll(() => bodyRows().locator('.tag-chip', { hasText: 'Zoo' }).count(), { timeout: 30_000 }).toBe(2);

    await bulk.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => bodyRows().locator('.tag-chip', { hasText: 'Zoo' }).count(), { timeout: 30_000 }).toBe(0);
  });

  it('exports the matching leads to a CSV that downloads', async () => {
    const bulk = page.getByRole('region', { name: 'Bulk actions' });
    await bulk.getByRole('button', { name: 'Export CSV' }).click();
    const link = bulk.getByRole('link', { name: 'Download CSV' });
    await link.waitFor({ timeout: 30_000 });
    const res = await page.request.get(new URL((await link.getAttribute('href')) ?? '', app.origin).href);
    expect(res.status()).toBe(200);
    const csv = await res.text();
    expect(csv.trim().split(/\r?\n/)).toHaveLength(3);
    expect(csv).toContain('Zebulon');
    expect(csv).toContain('Zelda');
  });

  it('deletes every matching lead after a confirmation, and undoes it', async () => {
    const bulk = page.getByRole('region', { name: 'Bulk actions' });
    await bulk.getByRole('button', { name: 'Delete', exact: true }).click();
    await bulk.getByRole('group', { name: 'Confirm deleting the selected leads' }).getByRole('button', { name: 'Delete 2 leads' }).click();
    await expect.poll(() => bulk.getByRole('status').textContent(), { timeout: 30_000 }).toContain('Deleted: 2 of 2 leads changed');
    await expect.poll(count, { timeout: 30_000 }).toBe('0 leads');
    await page.getByRole('heading', { name: 'No lead matches these filters' }).waitFor();
    await bulk.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(count, { timeout: 30_000 }).toBe('2 leads');
  });

  it('opens the detail pane of a clicked row, and of the row the arrow keys reach', async () => {
    await bodyRows().filter({ hasText: 'Zebulon' }).click();
    const pane = page.getByRole('complementary', { name: 'Lead detail' });
    await pane.waitFor();
    await expect.poll(() => pane.textContent()).toContain('Zebulon');
    expect(await bodyRows().filter({ hasText: 'Zebulon' }).getAttribute('aria-current')).toBe('true');

    const zebulonFirst = ((await bodyRows().first().textContent()) ?? '').includes('Zebulon');
    await page.locator('.virtual-frame').focus();
    await page.keyboard.press(zebulonFirst ? 'ArrowDown' : 'ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => pane.textContent()).toContain('Zelda');
  });
});

describe('the Companies workspace', () => {
  it('lists companies with their lead counts, searches them, opens one and goes on to one of its leads', async () => {
    await page.getByRole('link', { name: 'Companies' }).click();
    const table = page.getByRole('table', { name: 'Companies' });
    await table.waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /companies$/ }).count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('searchbox', { name: 'Search companies' }).fill('Zebra');
    const rows = table.locator('tbody tr:not(.spacer)');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('zebra-works.test');
    expect(await rows.first().locator('td').nth(6).textContent()).toBe('2');
    await rows.first().click();
    const pane = page.getByRole('complementary', { name: 'Company detail' });
    await pane.getByRole('button', { name: 'Zelda Quixote' }).click();

    await expect.poll(() => page.getByRole('complementary', { name: 'Lead detail' }).textContent(), { timeout: 30_000 }).toContain('Zelda');
    await expect.poll(count).toBe('2 leads');
    expect(page.url()).toContain('#/leads?f=');
  });
});
