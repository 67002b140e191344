import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scrapeOutput } from '../../../../src/shared/browser/browser-outputs';
import { recordingContext, startRig, workItem, type BrowserRig } from './browser-harness';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig(['linkedin', 'facebook']);
});
afterAll(async () => rig?.close());

const scrape = async (type: 'linkedin' | 'facebook', typeCode: string, url: string, extra: Record<string, unknown> = {}) => {
  const result = await rig.channels[type].perform(workItem('job', typeCode, { url, page: 1, sourceId: 1, params: {}, ...extra }), recordingContext().context);
  expect(result.outcome).toBe('performed');
  return scrapeOutput.parse(result.outcome === 'performed' ? result.output : null);
};

describe('browser channel: scraping', () => {
  it('scrolls a content search to the end of the feed, once per post even when a post shows twice, with real-site URLs', async () => {
    const output = await scrape('linkedin', 'linkedin_content_search', 'https://www.linkedin.com/search/results/content/?keywords=hiring');
    expect(output.packVersion).toBe('linkedin-2026.11.1');
    expect(output.stoppedBecause).toBe('end_of_feed');
    expect(output.events).toHaveLength(23);
    expect(new Set(output.events.map((e) => e.url)).size).toBe(23);
    expect(output.scrolls).toBeGreaterThan(2);
    expect(output.nextPageUrl).toBeNull();
    const first = output.events[0];
    expect(first).toMatchObject({
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000000/',
      kind: 'post',
      title: 'Ada Lovelace',
      publishedAt: '2026-11-01T00:00:00.000Z',
      lead: { fullName: 'Ada Lovelace', linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace-0/', headline: 'Head of Engineering at Analytical Engines' },
      company: null,
    });
    expect(first?.text).toContain('Post 0: we are hiring');
  });

  it('stops at the event limit', async () => {
    const output = await scrape('linkedin', 'linkedin_content_search', 'https://www.linkedin.com/search/results/content/?keywords=hiring', { eventLimit: 7 });
    expect(output.stoppedBecause).toBe('event_limit');
    expect(output.events).toHaveLength(7);
  });

  it('stops at the most scrolls the source allows', async () => {
    const output = await scrape('facebook', 'facebook_group_feed', 'https://www.facebook.com/groups/bookkeepers/', { params: { scrolls: 2 } });
    expect(output.stoppedBecause).toBe('max_scrolls');
    expect(output.scrolls).toBe(2);
    expect(output.events.length).toBeGreaterThanOrEqual(10);
    expect(output.events.length).toBeLessThan(30);
    expect(output.events[0]?.lead?.facebookUrl).toBe('https://www.facebook.com/ada.lovelace.0');
    expect(output.events[0]?.url).toBe('https://www.facebook.com/groups/bookkeepers/posts/900000/');
  });

  it('reads a people search page with its infinite scroll and reports the next page', async () => {
    const output = await scrape('linkedin', 'linkedin_people_search', 'https://www.linkedin.com/search/results/people/?keywords=cto&page=2', { page: 2 });
    expect(output.events).toHaveLength(10);
    expect(output.stoppedBecause).toBe('end_of_feed');
    expect(output.events[0]).toMatchObject({
      kind: 'search_row',
      url: 'https://www.linkedin.com/in/ada-hopper-10/',
      lead: { fullName: 'Ada Hopper', location: 'Ghent, Belgium', companyName: 'Analytical Engines' },
      company: { name: 'Analytical Engines' },
    });
    expect(output.nextPageUrl).toBe('https://www.linkedin.com/search/results/people/?keywords=cto&page=3');
    const last = await scrape('linkedin', 'linkedin_people_search', 'https://www.linkedin.com/search/results/people/?keywords=cto&page=3', { page: 3 });
    expect(last.nextPageUrl).toBeNull();
  });

  it('refuses a URL that does not match the source type of the pack', async () => {
    const job = workItem('job', 'linkedin_people_search', { url: 'https://www.linkedin.com/feed/', page: 1, params: {} });
    await expect(rig.channels.linkedin.perform(job, recordingContext().context)).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('does not match') });
  });
});
