import type { Browser, Page } from 'playwright-core';
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

/** A fresh browser context (own cookie jar) that records console errors and CSP violations. */
async function newPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    // 4xx answers that a test provokes on purpose (sign-in, bad input) are logged by Chromium as resource errors.
    if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems };
}

describe('browser edition in Chromium', () => {
  it('printed how to reach it and why it is not the desktop', () => {
    expect(app.stdout()).toContain('browser edition');
    expect(app.stdout()).toContain('Demo: added 3000 fake leads.');
  });

  it('asks to sign in when opened without the login URL', async () => {
    const { page } = await newPage();
    await page.goto(app.origin + '/');
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Outpost' }).count()).toBe(1);
    await page.context().close();
  });

  it('signs in with the one-time URL and shows the leads served by the API', async () => {
    const { page, problems } = await newPage();
    await page.goto(app.loginUrl);
    await page.getByRole('link', { name: 'Leads', exact: true }).click();
    const table = page.getByRole('table', { name: 'Leads' });
    await table.waitFor();
    await expect.poll(() => page.getByText('3,000 leads').count()).toBeGreaterThan(0);
    expect(await table.getAttribute('aria-rowcount')).toBe('3001');

    const api = await fetch(`${app.origin}/api/v1/leads?limit=50`, { headers: { authorization: `Bearer ${app.apiKey}` } });
    const firstPage = await api.json();
    await expect.poll(() => table.locator('tbody tr:not(.spacer)').first().textContent()).toContain(firstPage.items[0].email);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('refuses a login URL the second time', async () => {
    const res = await fetch(app.loginUrl, { redirect: 'manual' });
    expect(res.status).toBe(401);
  });

  it('saves settings and pushes the change live to another open dashboard', async () => {
    const { page, problems } = await newPage();
    await page.goto(app.newLoginUrl());
    const other = await page.context().newPage();
    await other.goto(app.origin + '/#/leads');
    await other.getByTestId('operator-name').waitFor();

    await page.getByRole('link', { name: 'Settings' }).click();
    const name = page.getByLabel('Operator name');
    await name.fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByTestId('operator-name').textContent()).toBe('Ada Lovelace');
    await expect.poll(() => other.getByTestId('operator-name').textContent()).toBe('Ada Lovelace');

    await name.fill('');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByText(/operatorName|Too small|at least/i).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
