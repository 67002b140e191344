// Overview: time from starting the browser edition process on a seeded data folder (BENCH_OVERVIEW_LEADS leads,
// default 1,000,000, and 30 days of hourly timeline counters) to the Overview rendered with data in Chromium, against
// the time the process takes to say it is ready; and a reload of the overview in the same tab.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { flushSearchIndex } from '../src/main/leads/search-index';
import { openStore } from '../src/main/store/store';
import { LOCAL_ENTRY } from '../tests/e2e/browser-edition-process';
import { report } from './measure';
import { fill } from './query-bench';

const LEADS = Number(process.env.BENCH_OVERVIEW_LEADS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_OVERVIEW_RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOUR = 3_600_000;
const DAYS = 30;

const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Leads, companies and hourly counters as the timeline loop would have written them over the last DAYS days. */
async function seed(file: string): Promise<void> {
  const store = openStore(file);
  try {
    fill(store.sqlite, LEADS);
    flushSearchIndex(store.sqlite);
    const add = store.sqlite.prepare("INSERT INTO timeline_buckets (dimension_kind, dimension_id, bucket_at, metric, value) VALUES ('all', 0, ?, ?, ?)");
    const now = Math.floor(Date.now() / HOUR) * HOUR;
    store.sqlite.transaction(() => {
      for (let at = now - DAYS * 24 * HOUR; at <= now; at += HOUR) {
        add.run(at, 'outreach_performed', 20);
        add.run(at, 'replied', 2);
        add.run(at, 'accepted', 3);
        add.run(at, 'bounced', 1);
        add.run(at, 'unsubscribed', 1);
      }
    })();
  } finally {
    await store.close();
  }
}

/** Starts the built browser edition on `dir` (the API key is printed only on a folder's first start, so only the login URL is read). */
async function startOn(dir: string): Promise<{ child: ChildProcess; loginUrl: string }> {
  const child = spawn(process.execPath, [LOCAL_ENTRY, '--port', '0', '--data-dir', dir, '--probe', 'localhost:9'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const loginUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /one-time login URL: (\S+)/.exec(out)?.[1];
      if (url && out.includes('Press Ctrl+C to stop.')) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`browser edition exited with ${code}: ${out}`)));
  });
  return { child, loginUrl };
}

/** Stops a started browser edition and waits for it to exit. */
async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Runs the overview benchmark (`npm run bench overview`; needs `npx electron-vite build` first). */
export async function benchOverview(): Promise<void> {
  console.log(`overview (browser edition, ${LEADS} leads, ${DAYS} days of counters)`);
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-overview-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const seeding = process.hrtime.bigint();
    await seed(join(dir, 'outpost.sqlite'));
    report('seed the data folder', elapsedMs(seeding) / 1000, 's');
    const ready: number[] = [];
    const rendered: number[] = [];
    const reloaded: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = process.hrtime.bigint();
      const app = await startOn(dir);
      ready.push(elapsedMs(started));
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      try {
        const shown = async () => {
          await page.getByTestId('today-outreach_performed').filter({ hasText: /^[1-9]/ }).waitFor({ timeout: 120_000 });
          await page.getByTestId('timeline-chart').locator('canvas').waitFor({ timeout: 120_000 });
        };
        await page.goto(app.loginUrl);
        await shown();
        rendered.push(elapsedMs(started));
        const again = process.hrtime.bigint();
        await page.reload();
        await shown();
        reloaded.push(elapsedMs(again));
      } finally {
        await page.context().close();
        await stop(app.child);
      }
    }
    const readyMs = median(ready);
    report('process start -> ready (login URL printed), median', readyMs, 'ms');
    // The first start on the folder also does the app's one-time work on the seeded rows (search index, timeline marks).
    report('first start -> overview rendered with data', rendered[0] ?? 0, 'ms', { name: 'ready', value: readyMs });
    report('process start -> overview rendered with data, median', median(rendered), 'ms', { name: 'ready', value: readyMs });
    report('overview reload -> rendered with data, median', median(reloaded), 'ms', { name: 'ready', value: readyMs });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void benchOverview();
