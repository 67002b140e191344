import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProfileRecord } from '../../src/shared/contract/schemas/profiles';
import { startFixtureSite, type FixtureSite } from '../fixtures/sites/fixture-site';
import { startBrowserEdition, type BrowserEdition } from './browser-edition-process';
import { launchChromium } from './chromium';

// A real browser worker scrapes the fixture site while the dashboard is driven in another Chromium.
vi.setConfig({ testTimeout: 600_000 });

let app: BrowserEdition;
let browser: Browser;
let site: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite({ requireLogin: false, feeds: { peoplePages: 2, peoplePerPage: 4 } });
  app = await startBrowserEdition();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await site?.close();
});

const textOf = (locator: Locator) => async () => (await locator.textContent()) ?? '';
const fast = { minGapSeconds: 0, jitterSeconds: 0 };

describe('the Sources and Jobs screens with a LinkedIn profile on the fixture site', () => {
  it('creates a source in the editor (a wrong URL is named by its line), sees its jobs and events, then a captcha pauses the profile with its reason', async () => {
    const profile = await app.api<ProfileRecord>('/profiles', {
      typeCode: 'linkedin',
      name: 'Fixture LinkedIn',
      settings: { baseUrl: site.baseUrl, headless: true, delayScale: 0 },
      quotas: { linkedin_search: fast },
      policy: { schedule: null, rampUp: null },
    });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(app.newLoginUrl());
    await page.getByRole('link', { name: 'Sources' }).click();
    await page.getByRole('button', { name: 'New source' }).click();
    const form = page.getByRole('form', { name: 'New source' });
    await form.getByLabel('Kind of source').selectOption('linkedin_people_search');
    await form.getByLabel('Name', { exact: true }).fill('Fixture CTOs');
    await form.getByLabel('URLs, one per line').fill('https://www.linkedin.com/search/results/people/?keywords=cto\nhttps://www.facebook.com/groups/x');
    await form.getByLabel('Most pages per run').fill('2');
    await form.getByLabel('Pause between pages (s)').fill('0');
    await form.getByLabel('Profile').selectOption(String(profile.id));
    await form.getByRole('button', { name: 'Add source' }).click();
    await expect.poll(textOf(form)).toContain('line 2: https://www.facebook.com/groups/x is not a LinkedIn people search');

    await form.getByLabel('URLs, one per line').fill('https://www.linkedin.com/search/results/people/?keywords=cto');
    await form.getByRole('button', { name: 'Add source' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Fixture CTOs' });
    await expect.poll(textOf(row)).toContain('2 pages');

    await app.api(`/profiles/${profile.id}/start`, {});
    await page.getByRole('button', { name: 'Jobs of Fixture CTOs' }).click();
    const jobs = page.locator('table.jobs-table');
    await expect.poll(async () => jobs.locator('tr[data-status="performed"]').count(), { timeout: 300_000, interval: 1_000 }).toBe(2);
    expect(await jobs.textContent()).toContain('4 new of 4');

    // The site starts asking for a CAPTCHA: the next job pauses the profile, whose row shows why and the page it saw.
    site.state.force = 'captcha';
    await app.api('/sources', { name: 'Posts', typeCode: 'linkedin_content_search', urls: ['https://www.linkedin.com/search/results/content/?keywords=rust'], profileId: profile.id });
    await page.getByRole('link', { name: 'Profiles' }).click();
    const profileRow = page.getByRole('row').filter({ hasText: 'Fixture LinkedIn' });
    await expect.poll(textOf(profileRow), { timeout: 300_000, interval: 1_000 }).toContain('the site asked for a CAPTCHA');
    const shot = profileRow.getByRole('img', { name: 'The page that paused Fixture LinkedIn' });
    await expect.poll(async () => shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await profileRow.getByRole('button', { name: 'Log in Fixture LinkedIn' }).isVisible()).toBe(true);
  });
});
