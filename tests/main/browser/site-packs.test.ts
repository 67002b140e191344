import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SitePacks, sitePackFile } from '../../../src/main/browser/site-packs';
import { browserWelcomeSettings } from '../../../src/main/browser/worker-browser-settings';
import { resourcesDir } from '../../../src/main/resources-dir';
import { tempDir } from '../../helpers/temp-dir';

describe('site packs in main', () => {
  it('finds the repository resources and validates the shipped packs with the worker schema', () => {
    expect(resourcesDir({})).toBe(join(__dirname, '../../../resources'));
    expect(resourcesDir({ OUTPOST_RESOURCES_DIR: '/x' })).toBe('/x');
    const packs = new SitePacks();
    expect(packs.get('linkedin')).toMatchObject({ site: 'linkedin', version: expect.any(String) });
    expect(packs.get('facebook')).toMatchObject({ site: 'facebook' });
    expect(packs.get('public_web')).toBeNull();
    expect(packs.forSourceType('linkedin_people_search')).toMatchObject({ pack: { site: 'linkedin' }, urlPattern: expect.stringContaining('people') });
    expect(packs.forSourceType('public_page')).toBeNull();
  });

  it('picks up a new pack version dropped in without a restart, and names the problem of a broken one', () => {
    const dir = tempDir();
    const file = sitePackFile('linkedin', dir);
    mkdirSync(join(dir, 'site-packs', 'linkedin'), { recursive: true });
    const shipped = JSON.parse(readFileSync(sitePackFile('linkedin'), 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...shipped, version: 'v-next' }));
    const packs = new SitePacks(dir);
    expect(packs.get('linkedin')?.version).toBe('v-next');
    writeFileSync(file, JSON.stringify({ ...shipped, version: 'v-after' }));
    const later = (statSync(file).mtimeMs + 5_000) / 1000;
    utimesSync(file, later, later);
    expect(packs.get('linkedin')?.version).toBe('v-after');
    writeFileSync(file, JSON.stringify({ ...shipped, urls: { login: 'no-slash' } }));
    utimesSync(file, later + 5, later + 5);
    expect(() => packs.get('linkedin')).toThrow(/site pack .*pack\.json: urls\./);
  });

  it('gives a browser profile its own owner-only user-data folder, the snapshot folder and its pack file; others pass through', () => {
    const data = tempDir();
    const welcome = browserWelcomeSettings(data);
    const settings = welcome({ id: 7, type_code: 'linkedin', access: 'rpa' }, { baseUrl: 'http://127.0.0.1:1' });
    expect(settings).toEqual({
      baseUrl: 'http://127.0.0.1:1',
      userDataDir: join(data, 'browser-profiles', '7'),
      snapshotDir: join(data, 'snapshots'),
      sitePackFile: sitePackFile('linkedin'),
    });
    expect(statSync(join(data, 'browser-profiles', '7')).mode & 0o777).toBe(0o700);
    expect(welcome({ id: 8, type_code: 'gmail', access: 'mta' }, { a: 1 })).toEqual({ a: 1 });
  });
});
