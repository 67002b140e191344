import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserEdition, type BrowserEdition } from './browser-edition-process';
import { seriousViolations } from './axe-scan';
import { launchChromium } from './chromium';

/** Screenshots for review land here (out/ is not committed). */
const SHOTS = resolve('out/test-output/overview');

const CSV = 'first,last,title,company,email\nAda,Lovelace,Engineer,Analytical Ltd,ada@analytical.example\nGrace,Hopper,Admiral,Navy Labs,grace@navy.example\nAlan,Turing,Researcher,Bletchley Park,alan@bletchley.example\n';

const HOUR = 3_600_000;

let app: BrowserEdition;
let browser: Browser;
// Our own data folder (the last --data-dir wins), so the test can seed timeline counters the way the timeline loop writes them.
const dataDir = mkdtempSync(join(tmpdir(), 'outpost-overview-'));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startBrowserEdition(['--data-dir', dataDir]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Adds hourly counters to the 'all' dimension, as the timeline loop does after counting finished rows. */
function seedCounters(bucketAt: number, values: Record<string, number>): void {
  const db = new Database(join(dataDir, 'outpost.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const add = db.prepare(
      `INSERT INTO timeline_buckets (dimension_kind, dimension_id, bucket_at, metric, value) VALUES ('all', 0, ?, ?, ?)
       ON CONFLICT DO UPDATE SET value = value + excluded.value`,
    );
    db.transaction(() => Object.entries(values).forEach(([metric, value]) => add.run(bucketAt, metric, value)))();
  } finally {
    db.close();
  }
}

const textOf = (page: Page, testId: string) => async () => (await page.getByTestId(testId).textContent()) ?? '';

describe('the Overview', () => {
  it('shows what was seeded, jumps to a lead from the command palette, switches themes and passes an accessibility scan', async () => {
    await app.importCsv('people.csv', CSV, ['firstName', 'lastName', 'jobTitle', 'company.name', 'email']);
    const leads = await app.api<{ items: { id: number; firstName: string }[] }>('/leads?limit=10');
    expect(leads.items).toHaveLength(3);
    for (const lead of leads.items.slice(0, 2)) await app.api('/outreach', { leadId: lead.id, typeCode: 'email', subject: 'Hello', body: 'Hi there' });
    const ada = leads.items.find((l) => l.firstName === 'Ada');
    if (!ada) throw new Error('Ada was not imported');
    await app.api('/reminders', { leadId: ada.id, dueAt: new Date(Date.now() - 60_000).toISOString(), note: 'Call Ada back' });
    const profile = await app.api<{ id: number }>('/profiles', { typeCode: 'public_web', name: 'Watcher' });
    await app.api(`/profiles/${profile.id}/pause`, {});
    const thisHour = Math.floor(Date.now() / HOUR) * HOUR;
    seedCounters(thisHour, { outreach_performed: 5, replied: 2, accepted: 1, bounced: 1, unsubscribed: 1 });
    seedCounters(thisHour - 3 * 24 * HOUR, { outreach_performed: 4, replied: 1 });

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' })).newPage();
    // the login URL printed at start: --login-url would look in the helper's own data folder
    await page.goto(app.loginUrl);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await expect.poll(textOf(page, 'today-awaiting-approval')).toBe('2');
    const today = { outreach_performed: '5', replied: '2', accepted: '1', bounced: '1', unsubscribed: '1' };
    for (const [metric, value] of Object.entries(today)) expect(await page.getByTestId(`today-${metric}`).textContent(), metric).toBe(value);
    await expect.poll(textOf(page, 'overview-reminders')).toContain('Call Ada back');
    await expect.poll(textOf(page, 'overview-stopped-profiles')).toContain('Watcher');
    expect(await page.getByTestId('overview-stopped-profiles').textContent()).toContain('paused by you');
    const chart = page.getByTestId('timeline-chart');
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('Sent: 9, Accepted: 1, Replied: 3, Bounced: 1, Unsubscribed: 1');
    expect(await chart.locator('canvas').count()).toBe(1);
    // live: a third message waiting for approval shows without a reload (approvals.changed / outreach.changed events)
    await app.api('/outreach', { leadId: leads.items[2]!.id, typeCode: 'email', subject: 'Hello', body: 'Hi' });
    await expect.poll(textOf(page, 'today-awaiting-approval'), { timeout: 15_000 }).toBe('3');
    await page.getByTestId('overview-period').selectOption('24h');
    await expect.poll(() => chart.getAttribute('aria-label')).toContain('last 24 hours. Totals: Sent: 5,');
    await page.getByTestId('overview-period').selectOption('30d');
    await expect.poll(() => chart.getAttribute('aria-label')).toContain('last 30 days. Totals: Sent: 9,');
    await page.screenshot({ path: `${SHOTS}/overview-light.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/shortcuts-help.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await palette.getByRole('combobox').fill('Lovelace');
    const item = palette.getByRole('option', { name: /Ada Lovelace/ });
    await item.waitFor();
    await page.screenshot({ path: `${SHOTS}/command-palette.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await item.click();
    await page.getByRole('complementary', { name: 'Lead detail' }).waitFor();
    expect(page.url()).toContain('#/leads');
    expect(await page.getByRole('complementary', { name: 'Lead detail' }).textContent()).toContain('Lovelace');
    await page.screenshot({ path: `${SHOTS}/lead-from-palette.png` });
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Control+k');
    await palette.getByRole('combobox').fill('dark');
    await palette.getByRole('option', { name: 'Theme: dark' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.keyboard.press('Control+k');
    await palette.getByRole('combobox').fill('overview');
    await palette.getByRole('option', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await expect.poll(textOf(page, 'today-awaiting-approval')).toBe('3');
    expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme)).toBe('dark');
    await page.screenshot({ path: `${SHOTS}/overview-dark.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    for (const area of ['Outbox', 'Monitoring']) {
      await page.getByRole('link', { name: area, exact: true }).click();
      await page.getByRole('heading', { name: area, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${SHOTS}/${area.toLowerCase()}-dark.png`, fullPage: true });
      expect(await seriousViolations(page), area).toEqual([]);
    }
    await app.api('/settings', { theme: 'system' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('system');
  });
});
