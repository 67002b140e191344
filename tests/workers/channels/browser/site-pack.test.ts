import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scrapeOutput } from '../../../../src/shared/browser/browser-outputs';
import { parseSitePack } from '../../../../src/shared/browser/site-pack';
import { createBrowserChannel } from '../../../../src/workers/channels/browser/browser-channel';
import { startFixtureSite, type FixtureSite } from '../../../fixtures/sites/fixture-site';
import { tempDir } from '../../../helpers/temp-dir';
import { browserProfile, packFile, recordingContext, workItem } from './browser-harness';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const shipped = (site: 'linkedin' | 'facebook') => JSON.parse(readFileSync(packFile(site), 'utf8')) as Record<string, unknown>;

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite({ requireLogin: false, feeds: { groupPosts: 12 } });
});
afterAll(async () => site?.close());

describe('site packs', () => {
  it('validates the shipped packs, with a recipe for each browser source type of the catalogue', () => {
    expect(Object.keys(parseSitePack(shipped('linkedin'), 'linkedin').sources).sort()).toEqual(['linkedin_content_search', 'linkedin_people_search']);
    expect(Object.keys(parseSitePack(shipped('facebook'), 'facebook').sources)).toEqual(['facebook_group_feed']);
  });

  it('names the JSON path of what is wrong in a bad pack', () => {
    const pack = shipped('linkedin') as { sources: Record<string, { fields: { url: unknown }; urlPattern: string }>; scroll: Record<string, unknown> };
    pack.sources.linkedin_people_search!.fields.url = { attr: 7 };
    pack.sources.linkedin_content_search!.urlPattern = '([unclosed';
    expect(() => parseSitePack(pack, 'bad.json')).toThrow(/^site pack bad\.json: .*sources\.linkedin_people_search\.fields\.url\.attr: /);
    expect(() => parseSitePack(pack, 'bad.json')).toThrow(/sources\.linkedin_content_search\.urlPattern: not a valid regular expression/);
  });

  it('refuses to open a profile whose pack is broken, naming the file and the path', async () => {
    const dir = tempDir();
    const file = join(dir, 'pack.json');
    writeFileSync(file, JSON.stringify({ ...shipped('facebook'), scroll: { stepPx: 'far' } }));
    const channel = createBrowserChannel();
    await expect(channel.open(browserProfile(site, dir, 'facebook', { sitePackFile: file }))).rejects.toMatchObject({ kind: 'permanent', message: expect.stringMatching(/pack\.json: scroll\.stepPx/) });
  });

  it('runs a new pack version dropped in as a file: its version, selectors and scroll rules, no code change', async () => {
    const dir = tempDir();
    const file = join(dir, 'pack.json');
    const pack = shipped('facebook') as { version: string; sources: { facebook_group_feed: Record<string, unknown> & { fields: Record<string, unknown> } } };
    pack.version = 'facebook-2027.01.1';
    const recipe = pack.sources.facebook_group_feed;
    // The new version reads the title from the post text and has no end-of-feed marker: the scrape ends when nothing new comes.
    recipe.fields.title = { selector: 'div.fb-post__text', pattern: '^(Group post \\d+)' };
    delete recipe.endOfFeed;
    writeFileSync(file, JSON.stringify(pack));
    const channel = createBrowserChannel();
    await channel.open(browserProfile(site, dir, 'facebook', { sitePackFile: file }));
    try {
      const result = await channel.perform(workItem('job', 'facebook_group_feed', { url: 'https://www.facebook.com/groups/quiet/', page: 1, params: {} }), recordingContext().context);
      const output = scrapeOutput.parse(result.outcome === 'performed' ? result.output : null);
      expect(output.packVersion).toBe('facebook-2027.01.1');
      expect(output.events.map((e) => e.title)).toEqual(Array.from({ length: 12 }, (_, n) => `Group post ${n}`));
      expect(output.stoppedBecause).toBe('nothing_new');
    } finally {
      await channel.close();
    }
  });
});
