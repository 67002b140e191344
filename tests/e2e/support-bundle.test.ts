import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../helpers/read-zip';
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

describe('the support bundle from Settings', () => {
  it('is written and downloaded from the Settings screen, holds the rotating log file, and no API key or login code', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const loginUrl = app.newLoginUrl();
    await page.goto(loginUrl);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Support' }).waitFor();
    await page.getByRole('button', { name: 'Create support bundle' }).click();
    const link = page.getByRole('link', { name: /^Download outpost-support-/ });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    const entries = readZip(readFileSync(path));
    expect([...entries.keys()]).toEqual(expect.arrayContaining(['logs/outpost.log', 'versions.json', 'settings.json', 'profiles.json', 'monitoring.json']));
    expect(entries.get('logs/outpost.log')?.toString('utf8')).toContain('"msg":"core started"');
    const all = [...entries.values()].map((b) => b.toString('utf8')).join('\n');
    expect(all).not.toContain(app.apiKey);
    expect(all).not.toContain(new URL(loginUrl).searchParams.get('code') ?? '');
    await context.close();
  });
});
