import type { Page } from 'playwright-core';
import { browserJobParams } from '../../../shared/browser/browser-payloads';
import type { ScrapedEvent, ScrapeOutput } from '../../../shared/browser/browser-outputs';
import type { SourceSpec } from '../../../shared/browser/site-pack';
import type { WorkItem, WorkOutcome } from '../../../shared/worker-protocol/messages';
import { ChannelError, type ChannelContext } from '../channel';
import type { BrowserSession } from './browser-session';
import { randomMs } from './human-delay';
import { countOf, readRows } from './read-fields';
import { sourceFields, toScrapedEvent } from './scraped-event';

/** Events one job returns at most when neither the job nor the source sets a limit. */
const DEFAULT_EVENT_LIMIT = 100;
/** Elements read per round at most: a page with a huge DOM must not make one read unbounded. */
const MAX_ROWS_PER_READ = 2_000;

/** Scrolls one step (with jitter) by wheel, as a person would, from the middle of the window. */
async function scrollStep(page: Page, session: BrowserSession): Promise<void> {
  const { stepPx, jitterPx } = session.pack.scroll;
  const { width, height } = session.settings.window;
  await page.mouse.move(width / 2, height / 2);
  await page.mouse.wheel(0, stepPx + Math.round((Math.random() * 2 - 1) * jitterPx));
}

/** Whether the window shows the end of the page (what a person's scroll would load more from). */
function atBottom(page: Page): Promise<boolean> {
  return page.evaluate(() => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 50).catch(() => true);
}

/** Waits (not a human delay: bounded by the pack's settle time) for more items or the end marker after a scroll. */
async function settle(page: Page, spec: SourceSpec, before: number, settleMs: number): Promise<void> {
  await page
    .waitForFunction(
      ({ item, end, before }) => {
        try {
          return document.querySelectorAll(item).length > before || (end !== null && document.querySelector(end) !== null);
        } catch {
          return true;
        }
      },
      { item: spec.item, end: spec.endOfFeed ?? null, before },
      { timeout: settleMs, polling: 100 },
    )
    .catch(() => undefined);
}

async function nextPageUrl(page: Page, session: BrowserSession, spec: SourceSpec, url: string, pageNo: number): Promise<string | null> {
  if (!spec.paged || !spec.nextPage) return null;
  const next = page.locator(spec.nextPage.selector).first();
  if ((await next.count().catch(() => 0)) === 0) return null;
  const href = await next.getAttribute('href').catch(() => null);
  if (href) return session.realUrl(href);
  if (!spec.nextPage.pageParam) return null;
  const real = new URL(url);
  const current = Number(real.searchParams.get(spec.nextPage.pageParam) ?? pageNo) || pageNo;
  real.searchParams.set(spec.nextPage.pageParam, String(current + 1));
  return real.toString();
}

/**
 * Scrapes one source URL: opens it, reads the pack's items, scrolls (step + jitter, human gaps scaled by delayScale)
 * until the event limit, the end of the feed, rounds with nothing new or the most scrolls; events are unique by URL
 * within the run. Paged sources report the next page's real-site URL.
 */
export async function scrapeSource(session: BrowserSession, item: WorkItem, context: ChannelContext): Promise<WorkOutcome> {
  const parsed = browserJobParams.safeParse(item.params);
  if (!parsed.success) throw new ChannelError('permanent', `job params: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const params = parsed.data;
  const { pack } = session;
  const spec = pack.sources[item.typeCode];
  if (!spec) throw new ChannelError('permanent', `site pack ${pack.version} has no recipe for source type ${item.typeCode}`);
  if (!new RegExp(spec.urlPattern).test(params.url)) throw new ChannelError('permanent', `${params.url} does not match the ${item.typeCode} URL pattern of site pack ${pack.version}`);
  const limit = params.eventLimit ?? params.params.eventLimit ?? DEFAULT_EVENT_LIMIT;
  const maxScrolls = Math.min(params.params.scrolls ?? pack.scroll.maxScrolls, pack.scroll.maxScrolls);
  const delay = params.params.scrollDelaySeconds;
  const scrollGap: readonly [number, number] = delay === undefined ? pack.delays.scroll : [delay * 500, delay * 1500];
  const fields = sourceFields(spec);

  const page = await session.open(params.url);
  const events = new Map<string, ScrapedEvent>();
  let scrolls = 0;
  let idle = 0;
  let stoppedBecause: ScrapeOutput['stoppedBecause'];
  for (;;) {
    // Looked at before reading, so a last batch that arrives with the end marker is still read.
    const ended = spec.endOfFeed !== undefined && (await countOf(page, spec.endOfFeed)) > 0;
    let fresh = 0;
    for (const row of await readRows(page, spec.item, fields, MAX_ROWS_PER_READ)) {
      const event = toScrapedEvent(row, spec.eventKind, (href) => session.realUrl(href));
      if (!event || events.has(event.url) || events.size >= limit) continue;
      events.set(event.url, event);
      fresh += 1;
    }
    context.progress(`${events.size} events after ${scrolls} scrolls`);
    // A round without new items counts as idle only at the bottom: a tall batch can need several scrolls to reach the next load.
    if (fresh > 0) idle = 0;
    else if (await atBottom(page)) idle += 1;
    const stop: ScrapeOutput['stoppedBecause'] | null =
      events.size >= limit
        ? 'event_limit'
        : ended
          ? 'end_of_feed'
          : idle >= pack.scroll.idleRounds
            ? 'nothing_new'
            : scrolls >= maxScrolls
              ? 'max_scrolls'
              : null;
    if (stop) {
      stoppedBecause = stop;
      break;
    }
    const before = await countOf(page, spec.item);
    await scrollStep(page, session);
    scrolls += 1;
    // The wheel scrolls on the next frames; new items only come once the bottom is in view, so only then wait for them.
    await page.waitForTimeout(50);
    if (await atBottom(page)) await settle(page, spec, before, pack.scroll.settleMs);
    await session.check();
    const gap = randomMs(scrollGap, session.settings.delayScale);
    if (gap > 0) await page.waitForTimeout(gap);
  }
  const output: ScrapeOutput = {
    packVersion: pack.version,
    events: [...events.values()],
    nextPageUrl: await nextPageUrl(page, session, spec, params.url, params.page),
    stoppedBecause,
    scrolls,
  };
  return { outcome: 'performed', output, hit: output.events.length > 0, effects: [] };
}
