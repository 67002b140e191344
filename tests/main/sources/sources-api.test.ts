import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobCreator } from '../../../src/main/plan/job-creator';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { addBrowserProfile, type Answer } from '../browser/browser-fixtures';

let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock();
  t = await startTestCore({ clock });
});
afterEach(() => t.stop());

const sqlite = () => t.core.services.store.sqlite;
const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
  const response = await t.api(`/api/v1${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as Answer };
};

const PEOPLE = 'https://www.linkedin.com/search/results/people/?keywords=cto&geoUrn=%5B%22103644278%22%5D';
const CONTENT = 'https://www.linkedin.com/search/results/content/?keywords=hiring%20rust';

describe('sources API', () => {
  it('lists source types with the URL pattern and defaults their URLs are held to', async () => {
    const { body } = await call('GET', '/source-types');
    const people = body.items.find((i: { code: string }) => i.code === 'linkedin_people_search');
    expect(people).toMatchObject({ paged: true, profileTypes: ['linkedin'], defaults: { cadenceSeconds: 604_800, maxJobs: 10, eventLimit: 100, scrolls: 2 } });
    expect(new RegExp(people.urlPattern).test(PEOPLE)).toBe(true);
  });

  it('creates a source with the type defaults, its URLs due now, and refuses URLs that do not match naming the line', async () => {
    const created = await call('POST', '/sources', { name: 'CTOs', typeCode: 'linkedin_people_search', urls: [PEOPLE, ` ${PEOPLE.replace('cto', 'cfo')} `] });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'CTOs', typeCode: 'linkedin_people_search', active: true, cadenceSeconds: 604_800, maxJobs: 10, eventLimit: 100, jobs: 0, tag: null });
    expect(created.body.urls.map((u: { url: string }) => u.url)).toEqual([PEOPLE, PEOPLE.replace('cto', 'cfo')]);
    expect(created.body.urls[0].nextRunAt).toBe(new Date(clock.now()).toISOString());

    const bad = await call('POST', '/sources', { name: 'Mixed', typeCode: 'linkedin_people_search', urls: [PEOPLE, CONTENT, 'not a url', PEOPLE] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([
      { path: 'urls.1', message: expect.stringMatching(/^line 2: https:\/\/www\.linkedin\.com\/search\/results\/content\/\?keywords=hiring%20rust is not a LinkedIn people search \(paged\) URL/) },
      { path: 'urls.2', message: 'line 3: "not a url" is not an http(s) URL' },
      { path: 'urls.3', message: `line 4: ${PEOPLE} repeats line 1` },
    ]);
    expect(bad.body.error.message).toContain('urls.1: line 2:');
    expect(sqlite().prepare('SELECT count(*) FROM sources').pluck().get()).toBe(1);
  });

  it('refuses a profile that cannot run the source type and a missing tag', async () => {
    const facebook = addBrowserProfile(sqlite(), 'facebook');
    const bad = await call('POST', '/sources', { name: 'x', typeCode: 'linkedin_content_search', urls: [CONTENT], profileId: facebook, tagId: 999 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['tagId', 'profileId']);
    const unknown = await call('POST', '/sources', { name: 'x', typeCode: 'nope', urls: [CONTENT] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('typeCode');
  });

  it('updates limits, scrolling and tag; a new URL list keeps the schedule of URLs it keeps', async () => {
    const linkedin = addBrowserProfile(sqlite());
    const tag = Number(sqlite().prepare("INSERT INTO tags (name, color, created_at, updated_at) VALUES ('scraped', '#112233', 0, 0)").run().lastInsertRowid);
    const { body: source } = await call('POST', '/sources', { name: 'Rust', typeCode: 'linkedin_content_search', urls: [CONTENT] });
    sqlite().prepare('UPDATE source_urls SET next_run_at = 42 WHERE source_id = ?').run(source.id);
    const other = CONTENT.replace('rust', 'go');
    const updated = await call('POST', `/sources/${source.id}`, {
      urls: [other, CONTENT],
      cadenceSeconds: 3_600,
      eventLimit: 30,
      params: { scrolls: 4, scrollDelaySeconds: 1 },
      tagId: tag,
      profileId: linkedin,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ cadenceSeconds: 3_600, eventLimit: 30, maxJobs: 1, params: { scrolls: 4, scrollDelaySeconds: 1 }, tag: { id: tag, name: 'scraped' }, profileId: linkedin });
    const urls = sqlite().prepare('SELECT url, next_run_at FROM source_urls WHERE source_id = ? AND deleted_at IS NULL ORDER BY id').all(source.id);
    expect(urls).toEqual([
      { url: CONTENT, next_run_at: 42 },
      { url: other, next_run_at: clock.now() },
    ]);
    const bad = await call('POST', `/sources/${source.id}`, { urls: ['https://www.facebook.com/groups/x'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toMatchObject({ path: 'urls.0', message: expect.stringContaining('line 1: https://www.facebook.com/groups/x is not a LinkedIn content search URL') });
  });

  it('the plan creates a first-page job for a due source; deleting the source cancels its pending jobs', async () => {
    const { body: source } = await call('POST', '/sources', { name: 'Rust', typeCode: 'linkedin_content_search', urls: [CONTENT] });
    expect(new JobCreator(sqlite()).create(clock.now())).toBe(1);
    const got = await call('GET', `/sources/${source.id}`);
    expect(got.body).toMatchObject({ jobs: 1, lastJobAt: expect.any(String) });
    const deleted = await call('POST', `/sources/${source.id}/delete`, {});
    expect(deleted.body).toEqual({ deleted: true });
    expect(sqlite().prepare('SELECT status FROM jobs').pluck().all()).toEqual(['canceled']);
    expect((await call('GET', `/sources/${source.id}`)).status).toBe(404);
    expect((await call('GET', '/sources')).body.items).toEqual([]);
  });
});
