import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JobCreator } from '../../../src/main/plan/job-creator';
import { sweepWork } from '../../../src/main/loops/sweep-loop';
import { startFixtureSite, type FixtureSite } from '../../fixtures/sites/fixture-site';
import { createForkWorkerHost } from '../../../src/main/supervisor/fork-worker-host';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { sourceWorker, until } from '../supervisor/harness';
import { addBrowserOutreach, addBrowserProfile, type Answer } from './browser-fixtures';

// A real worker process driving Chromium against the fixture site, on a machine shared with other test runs.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 120_000 });

/** Browser profile settings for tests: the fixture site, headless, no human delays; quotas and schedule out of the way. */
export function testProfile(t: TestCore, site: FixtureSite): number {
  const sqlite = t.core.services.store.sqlite;
  const id = addBrowserProfile(sqlite, 'linkedin', { baseUrl: site.baseUrl, headless: true, delayScale: 0 });
  const fast = { minGapSeconds: 0, jitterSeconds: 0 };
  sqlite
    .prepare('UPDATE profiles SET quotas = ?, policy = ?, created_at = 0 WHERE id = ?')
    .run(JSON.stringify({ linkedin_search: fast, linkedin_connect: fast, linkedin_message: fast }), JSON.stringify({ schedule: null, rampUp: null }), id);
  return id;
}

/** The worker bundled by esbuild, as the app ships it: under tsx, page.evaluate callbacks carry a `__name` helper the page lacks. */
function bundleWorker(): { path: string; execArgv: string[] } {
  const outfile = join(__dirname, '../../../node_modules/.cache/outpost-test-worker', `browser-worker-${process.pid}.cjs`);
  buildSync({ entryPoints: [sourceWorker.path], outfile, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'error' });
  return { path: outfile, execArgv: [] };
}

let worker: { path: string; execArgv: string[] };
let site: FixtureSite;
let t: TestCore;
let profile: number;
const sqlite = () => t.core.services.store.sqlite;
const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
  const response = await t.api(`/api/v1${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return (await response.json()) as Answer;
};
const one = <T>(sql: string, ...params: unknown[]) => sqlite().prepare(sql).get(...params) as T;

/** Keeps a check of this kind due for the profile (the plan loop may hold one open already) until `done`; a check begun before the site changed would miss it. */
function checkUntil(table: 'inbox_checks' | 'connection_checks', done: () => boolean): boolean {
  if (done()) return true;
  sqlite().prepare(`INSERT INTO ${table} (profile_id, due_at, created_at, updated_at) VALUES (?, 0, 0, 0) ON CONFLICT DO NOTHING`).run(profile);
  sqlite().prepare(`UPDATE ${table} SET due_at = 0 WHERE profile_id = ? AND status = 'pending'`).run(profile);
  return false;
}

beforeAll(async () => {
  site = await startFixtureSite({ requireLogin: false, feeds: { peoplePages: 3, peoplePerPage: 5 } });
  worker = bundleWorker();
  t = await startTestCore({ workerHost: createForkWorkerHost(worker) });
  profile = testProfile(t, site);
  await call('POST', `/profiles/${profile}/start`, {});
});
afterAll(async () => {
  await t?.stop();
  await site?.close();
  rmSync(worker.path, { force: true });
});

describe('browser channels end to end (real worker, Chromium, fixture site)', () => {
  it('a source becomes jobs, pages, events and tagged leads', async () => {
    const tag = Number(sqlite().prepare("INSERT INTO tags (name, color, created_at, updated_at) VALUES ('ctos', '#aa00aa', 0, 0)").run().lastInsertRowid);
    const source = await call('POST', '/sources', {
      name: 'CTOs', typeCode: 'linkedin_people_search', urls: ['https://www.linkedin.com/search/results/people/?keywords=cto'],
      profileId: profile, maxJobs: 2, params: { pageDelaySeconds: 0, scrolls: 1, scrollDelaySeconds: 0 }, tagId: tag,
    });
    expect(source.id).toBeTypeOf('number');
    new JobCreator(sqlite()).create(t.core.services.clock.now());
    await until(() => one<{ n: number }>("SELECT count(*) AS n FROM jobs WHERE status = 'performed'").n === 2);
    const jobs = await call('GET', `/jobs?sourceId=${source.id}`);
    expect(jobs.items.map((j: { page: number; status: string }) => [j.page, j.status])).toEqual([[2, 'performed'], [1, 'performed']]);
    expect(jobs.items.every((j: { eventsNew: number; leadsNew: number }) => j.eventsNew === 5 && j.leadsNew === 5)).toBe(true);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM leads WHERE linkedin_norm LIKE 'linkedin.com/in/%'").n).toBe(10);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM tag_links WHERE tag_id = ? AND target_kind = 'lead'", tag).n).toBe(10);
    const detail = await call('GET', `/jobs/${jobs.items[1].id}`);
    expect(detail.events).toHaveLength(5);
  });

  it('an approved connection request reaches the site exactly once even when the worker is SIGKILLed mid-action', async () => {
    const lead = one<{ id: number; linkedin_url: string }>("SELECT id, linkedin_url FROM leads WHERE linkedin_norm IS NOT NULL ORDER BY id LIMIT 1");
    const slug = lead.linkedin_url.replace(/\/+$/, '').split('/').pop()!;
    const engine = t.core.services.work;
    const begin = engine.beginEffect.bind(engine);
    let killed = false;
    // Kill the worker as soon as the invitation exists on the site, before it can report the result.
    engine.beginEffect = (workerId, ticket, key) => {
      const verdict = begin(workerId, ticket, key);
      const timer = setInterval(() => {
        if (site.state.invitations.length === 0 || killed) return;
        killed = true;
        clearInterval(timer);
        const pid = t.core.services.supervisor.get(profile)?.worker?.pid;
        if (pid) process.kill(pid, 'SIGKILL');
      }, 1);
      return verdict;
    };
    const id = addBrowserOutreach(sqlite(), 'linkedin_connect', lead.id, profile, 'Hello from Outpost');
    await until(() => killed);
    engine.beginEffect = begin;
    expect(one<{ status: string }>('SELECT status FROM outreach WHERE id = ?', id).status).toBe('running');
    // The dead worker's lease runs out: the item becomes unknown (its effect began), and the restarted worker verifies it.
    sqlite().prepare('UPDATE outreach SET lease_expires_at = 0 WHERE id = ?').run(id);
    expect(sweepWork(engine, t.core.services.supervisor).expired).toEqual([expect.objectContaining({ id, status: 'unknown' })]);
    await until(() => one<{ status: string }>('SELECT status FROM outreach WHERE id = ?', id).status === 'performed');
    expect(site.state.invitations.filter((i) => i.slug === slug)).toHaveLength(1);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM effect_ledger WHERE work_kind = 'outreach' AND outcome = 'succeeded'").n).toBe(1);

    // The person accepts: the connection check records it against our connect row.
    site.acceptInvitation('linkedin', slug);
    await until(() => checkUntil('connection_checks', () => one<{ n: number }>("SELECT count(*) AS n FROM outreach WHERE direction = 'accepted'").n === 1));
    expect(one('SELECT lead_id, parent_outreach_id FROM outreach WHERE direction = ?', 'accepted')).toEqual({ lead_id: lead.id, parent_outreach_id: id });
  });

  it('an inbox check stores the lead\u2019s reply and stops the lead\u2019s enrollment', async () => {
    const lead = one<{ id: number; linkedin_url: string }>("SELECT id, linkedin_url FROM leads WHERE linkedin_norm IS NOT NULL ORDER BY id LIMIT 1 OFFSET 1");
    const slug = lead.linkedin_url.replace(/\/+$/, '').split('/').pop()!;
    const sequence = Number(sqlite().prepare("INSERT INTO sequences (name, status, created_at, updated_at) VALUES ('s', 'active', 0, 0)").run().lastInsertRowid);
    const enrollment = Number(sqlite().prepare('INSERT INTO enrollments (sequence_id, lead_id, created_at, updated_at) VALUES (?, ?, 0, 0)').run(sequence, lead.id).lastInsertRowid);
    site.addIncomingMessage('linkedin', slug, 'Happy to talk next week');
    await until(() => checkUntil('inbox_checks', () => one<{ n: number }>("SELECT count(*) AS n FROM outreach WHERE direction = 'incoming'").n === 1));
    expect(one('SELECT lead_id, body FROM outreach WHERE direction = ?', 'incoming')).toEqual({ lead_id: lead.id, body: 'Happy to talk next week' });
    expect(one('SELECT status, stop_reason FROM enrollments WHERE id = ?', enrollment)).toEqual({ status: 'stopped', stop_reason: 'replied' });
    expect(JSON.parse(one<{ inbox_mark: string }>('SELECT inbox_mark FROM profiles WHERE id = ?', profile).inbox_mark)).not.toEqual({});
  });

  it('a captcha pauses the profile; profiles.get shows the reason and the screenshot, which downloads', async () => {
    site.state.force = 'captcha';
    const source = await call('POST', '/sources', { name: 'Posts', typeCode: 'linkedin_content_search', urls: ['https://www.linkedin.com/search/results/content/?keywords=rust'], profileId: profile });
    new JobCreator(sqlite()).create(t.core.services.clock.now());
    await until(async () => (await call('GET', `/profiles/${profile}`)).state === 'paused');
    const record = await call('GET', `/profiles/${profile}`);
    expect(record).toMatchObject({ state: 'paused', pauseReason: 'captcha', pauseSnapshot: { screenshot: expect.stringMatching(/^\/api\/v1\/snapshots\/.+\.png$/) } });
    const shot = await t.api(record.pauseSnapshot.screenshot);
    expect(shot.status).toBe(200);
    expect(shot.headers.get('content-type')).toBe('image/png');
    // The job waits for the resumed profile without spending its attempt.
    expect(one('SELECT status, attempts FROM jobs WHERE source_id = ?', source.id)).toEqual({ status: 'pending', attempts: 0 });
    site.state.force = null;
  });
});
