import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobCreator } from '../../../src/main/plan/job-creator';
import { ManualClock } from '../../helpers/manual-clock';
import { rawRequest } from '../../helpers/raw-request';
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
const get = async (path: string) => {
  const response = await t.api(`/api/v1${path}`);
  return { status: response.status, body: (await response.json()) as Answer };
};
const CONTENT = 'https://www.linkedin.com/search/results/content/?keywords=rust';

async function runJob(profile: number, output: Record<string, unknown> & { fail?: string; snapshot?: { screenshot: string; html: string } }): Promise<number> {
  new JobCreator(sqlite()).create(clock.now());
  const [item] = t.core.services.work.claim(profile, 'w', 1);
  if (!item) throw new Error('nothing to claim');
  const outcome = output.fail !== undefined
    ? { outcome: 'failed' as const, errorKind: 'permanent' as const, errorText: output.fail, effects: [], ...(output.snapshot ? { snapshot: output.snapshot } : {}) }
    : { outcome: 'performed' as const, output, effects: [] };
  expect(t.core.services.work.complete('w', item.ticket, outcome).accepted).toBe(true);
  return item.recordId;
}

describe('jobs API and snapshot downloads', () => {
  it('lists jobs newest first by source, status and profile, and shows one job with its events and snapshot links', async () => {
    const profile = addBrowserProfile(sqlite());
    const created = await t.api('/api/v1/sources', { method: 'POST', body: JSON.stringify({ name: 'Rust', typeCode: 'linkedin_content_search', urls: [CONTENT], profileId: profile }) });
    const source = ((await created.json()) as { id: number }).id;
    const event = { url: 'https://www.linkedin.com/feed/update/urn:li:activity:1/', kind: 'post', title: null, text: 'We are hiring', publishedAt: '2026-11-20T10:00:00.000Z', lead: { fullName: 'Ada L', linkedinUrl: 'https://www.linkedin.com/in/ada' }, company: null };
    const good = await runJob(profile, { packVersion: 'linkedin-1', events: [event], nextPageUrl: null, stoppedBecause: 'nothing_new', scrolls: 3 });
    clock.advance(86_400_000);
    const bad = await runJob(profile, { fail: 'captcha page', snapshot: { screenshot: `${source}-x.png`, html: `${source}-x.html` } });

    const all = await get('/jobs');
    expect(all.body.items.map((j: { id: number }) => j.id)).toEqual([bad, good]);
    expect(all.body.items[0]).toMatchObject({ status: 'failed', errorText: 'captcha page', snapshot: { screenshot: `/api/v1/snapshots/${source}-x.png`, html: `/api/v1/snapshots/${source}-x.html` }, sourceName: 'Rust' });
    expect((await get('/jobs?status=performed')).body.items.map((j: { id: number }) => j.id)).toEqual([good]);
    expect((await get(`/jobs?sourceId=${source}&profileId=${profile}&limit=1`)).body).toMatchObject({ items: [{ id: bad }], nextBeforeId: bad });
    expect((await get(`/jobs?beforeId=${bad}`)).body).toMatchObject({ items: [{ id: good }], nextBeforeId: null });
    expect((await get(`/jobs?profileId=${profile + 1}`)).body.items).toEqual([]);

    const detail = await get(`/jobs/${good}`);
    expect(detail.body).toMatchObject({ id: good, eventsSeen: 1, eventsNew: 1, leadsNew: 1, snapshot: null });
    expect(detail.body.events).toEqual([{ id: expect.any(Number), url: event.url, kind: 'post', title: null, text: 'We are hiring', publishedAt: event.publishedAt, leadId: expect.any(Number), companyId: null, isNew: true }]);
    expect((await get('/jobs/999')).status).toBe(404);
  });

  it('serves a snapshot only to an authenticated caller and only from the snapshot folder', async () => {
    const dir = join(t.dataDir, 'snapshots');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '12-captcha.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(dir, '12-captcha.html'), '<script>alert(1)</script>');
    writeFileSync(join(t.dataDir, 'secret.png'), 'secret');
    const ok = await t.api('/api/v1/snapshots/12-captcha.png');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const html = await t.api('/api/v1/snapshots/12-captcha.html');
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    expect((await fetch(`${t.origin}/api/v1/snapshots/12-captcha.png`)).status).toBe(401);
    expect((await t.api('/api/v1/snapshots/missing.png')).status).toBe(404);
    for (const name of ['..%2Fsecret.png', '%2E%2E%2Fsecret.png', '.hidden.png', 'x.sqlite', 'a%5C..%5Csecret.png']) {
      const refused = await t.api(`/api/v1/snapshots/${name}`);
      expect(refused.status, name).toBe(400);
    }
    const raw = await rawRequest(t.origin, '/api/v1/snapshots/../secret.png', { headers: { authorization: `Bearer ${t.key}` } });
    expect(raw.status).not.toBe(200);
  });
});
