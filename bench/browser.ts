// Browser channel: start time of a profile's persistent browser (fresh and reused profile folder) against a bare
// chromium.launch, the memory of one running browser profile (PSS of its Chromium processes), and events scraped per
// minute from the fixture group feed with delays off, against fetching the same rows over HTTP without a browser.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { scrapeOutput } from '../src/shared/browser/browser-outputs';
import { CHROMIUM_FLAGS } from '../src/shared/browser/chromium-flags';
import type { WorkerProfile } from '../src/shared/worker-protocol/messages';
import { createBrowserChannel } from '../src/workers/channels/browser/browser-channel';
import { startFixtureSite, type FixtureSite } from '../tests/fixtures/sites/fixture-site';
import { medianAsyncMs, report } from './measure';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FEED_POSTS = 400;

function profile(site: FixtureSite, dir: string): WorkerProfile {
  mkdirSync(join(dir, 'snapshots'), { recursive: true });
  return {
    id: 1,
    name: 'bench',
    typeCode: 'facebook',
    settings: {
      baseUrl: site.baseUrl,
      executablePath: CHROMIUM,
      delayScale: 0,
      userDataDir: join(dir, 'browser-profile'),
      snapshotDir: join(dir, 'snapshots'),
      sitePackFile: join(__dirname, '../resources/site-packs/facebook/pack.json'),
    },
    credentials: {},
  };
}

/** Proportional memory (PSS, MB: shared pages split between sharers) of the processes whose command line names the folder: one browser profile's Chromium. */
function browserRssMb(userDataDir: string): { mb: number; processes: number } {
  let kb = 0;
  let processes = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(userDataDir)) continue;
      kb += Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      processes += 1;
    } catch {
      // The process ended while being read.
    }
  }
  return { mb: kb / 1024, processes };
}

/** Runs the browser channel benchmark (`npm run bench browser`). */
export async function benchBrowser(): Promise<void> {
  console.log('browser channel (Debian Chromium, fixture site, delays off)');
  const site = await startFixtureSite({ requireLogin: false, feeds: { groupPosts: FEED_POSTS, batch: 10 } });
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-browser-'));
  try {
    const bare = await medianAsyncMs(3, async () => (await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS] })).close());
    report('bare chromium.launch + close', bare, 'ms');
    let fresh = 0;
    const start = await medianAsyncMs(3, async () => {
      const folder = join(dir, `start-${fresh++}`);
      const channel = createBrowserChannel();
      await channel.open(profile(site, folder));
      await channel.close();
    });
    report('profile browser open + close (fresh folder)', start, 'ms', { name: 'bare launch', value: bare });
    const reused = await medianAsyncMs(3, async () => {
      const channel = createBrowserChannel();
      await channel.open(profile(site, join(dir, 'start-0')));
      await channel.close();
    });
    report('profile browser open + close (reused folder)', reused, 'ms', { name: 'bare launch', value: bare });

    const folder = join(dir, 'scrape');
    const channel = createBrowserChannel();
    await channel.open(profile(site, folder));
    try {
      const item = {
        ticket: 'job:1:1', kind: 'job' as const, recordId: 1, typeCode: 'facebook_group_feed', attempt: 1, idempotencyKey: 'job:1', target: null, mode: 'perform' as const, leaseExpiresAt: 0,
        params: { url: 'https://www.facebook.com/groups/bench/', page: 1, eventLimit: FEED_POSTS, params: { scrolls: 40 } },
      };
      const context = { progress: () => undefined, log: () => undefined, effect: <T>(_key: string, run: () => Promise<T>) => run() };
      const t0 = process.hrtime.bigint();
      const result = await channel.perform(item, context);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const output = scrapeOutput.parse(result.outcome === 'performed' ? result.output : null);
      const rss = browserRssMb(join(folder, 'browser-profile'));
      report(`one running browser profile: PSS of ${rss.processes} processes`, rss.mb, 'MB');
      const t1 = process.hrtime.bigint();
      for (let offset = 0; offset < output.events.length; offset += 10) await (await fetch(`${site.baseUrl}/__fixture/more/group?group=bench&offset=${offset}`)).text();
      const fetchSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
      const fetchRate = (output.events.length / fetchSeconds) * 60;
      report('same rows fetched over HTTP, no browser', fetchRate, 'rows/min');
      report(`scraped ${output.events.length} events in ${output.scrolls} scrolls (${output.stoppedBecause})`, (output.events.length / seconds) * 60, 'events/min', { name: 'HTTP fetch', value: fetchRate });
    } finally {
      await channel.close();
    }
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('');
}
