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

describe('the Monitoring screen', () => {
  it('shows workers, loops, queues and the hourly outreach chart, and rebuilds the timeline', async () => {
    const created = await fetch(`${app.origin}/api/v1/profiles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ typeCode: 'public_web', name: 'Watcher' }),
    });
    expect(created.status).toBe(200);

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(app.newLoginUrl());
    await page.getByRole('link', { name: 'Monitoring' }).click();
    await page.getByRole('heading', { name: 'Monitoring', level: 1 }).waitFor();

    await expect.poll(() => page.getByRole('table', { name: 'Workers' }).textContent()).toContain('Watcher');
    // loops report their passes: the timeline loop runs every 2 s, and the screen refreshes every 5 s
    const timelineRow = page.getByRole('table', { name: 'Loops' }).getByRole('row').filter({ hasText: 'timeline' });
    await expect.poll(() => timelineRow.textContent(), { timeout: 30_000 }).toMatch(/waiting|running/);
    await expect.poll(async () => Number((await timelineRow.locator('td').nth(5).textContent())?.split(' ')[0]), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByRole('img', { name: 'Outreach sent and replies per hour' }).waitFor();
    expect(await page.locator('figure.hourly-chart rect').count()).toBeGreaterThanOrEqual(48 * 2);
    expect(await page.getByText('Memory (resident)').count()).toBe(1);

    await page.getByRole('button', { name: 'Rebuild timeline' }).click();
    await page.getByRole('button', { name: 'Confirm rebuild' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Rebuild timeline' }).count(), { timeout: 30_000 }).toBe(1);
    const metrics = await fetch(`${app.origin}/metrics`, { headers: { authorization: `Bearer ${app.apiKey}` } });
    expect(await metrics.text()).toMatch(/^outpost_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/timeline\/rebuild",status="200"\} 1$/m);
  });
});
