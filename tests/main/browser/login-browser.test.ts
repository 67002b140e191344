import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobCreator } from '../../../src/main/plan/job-creator';
import { createForkWorkerHost } from '../../../src/main/supervisor/fork-worker-host';
import { startFixtureSite } from '../../fixtures/sites/fixture-site';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { sourceWorker, until } from '../supervisor/harness';
import { addBrowserProfile } from './browser-fixtures';

vi.setConfig({ testTimeout: 600_000 });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the log-in browser', () => {
  it('stops the worker, opens the profile\u2019s own browser on the login page, and after the operator signs in and closes it a job runs signed in', async () => {
    const site = await startFixtureSite({ requireLogin: true, feeds: { peoplePages: 1, peoplePerPage: 3 } });
    cleanups.push(() => site.close());
    const outfile = join(__dirname, '../../../node_modules/.cache/outpost-test-worker', `login-worker-${process.pid}.cjs`);
    buildSync({ entryPoints: [sourceWorker.path], outfile, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'error' });
    cleanups.push(() => rmSync(outfile, { force: true }));
    const t: TestCore = await startTestCore({ workerHost: createForkWorkerHost({ path: outfile, execArgv: [] }) });
    cleanups.push(() => t.stop());
    const sqlite = t.core.services.store.sqlite;
    const profile = addBrowserProfile(sqlite, 'linkedin', { baseUrl: site.baseUrl, headless: true, delayScale: 0 });
    sqlite.prepare('UPDATE profiles SET policy = ?, quotas = ?, created_at = 0 WHERE id = ?')
      .run(JSON.stringify({ schedule: null, rampUp: null }), JSON.stringify({ linkedin_search: { minGapSeconds: 0, jitterSeconds: 0 } }), profile);
    const post = (path: string, body: unknown = {}) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
    await post(`/profiles/${profile}/start`);
    // Not signed in yet: the first check it runs meets the login wall and pauses it, which "Log in" is there to fix.
    await until(() => t.core.services.supervisor.get(profile)?.pauseReason === 'login_wall');

    const logins = t.core.services.loginBrowsers;
    logins.forceHeadless = true;
    const opened = await post(`/profiles/${profile}/open-browser`);
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { state: string }).state).not.toMatch(/starting|online|working/);
    const context = logins.context(profile)!;
    const page = context.pages()[0]!;
    expect(new URL(page.url()).pathname).toBe('/login');
    // The operator signs in on the site's own page; Outpost never sees the password.
    await page.locator('input[name=session_key]').fill('ada@example.com');
    await page.locator('input[name=session_password]').fill('not-stored-anywhere');
    await Promise.all([page.waitForURL(/\/feed\/$/), page.locator('#login-form button').click()]);
    await context.close();
    await until(() => ['online', 'working'].includes(t.core.services.supervisor.get(profile)?.state ?? ''));
    expect(logins.isOpen(profile)).toBe(false);

    const type = sqlite.prepare("SELECT id FROM source_types WHERE code = 'linkedin_people_search'").get() as { id: number };
    const source = Number(sqlite.prepare("INSERT INTO sources (source_type_id, name, profile_id, cadence_seconds, max_jobs, params, created_at, updated_at) VALUES (?, 's', ?, 86400, 1, '{}', 0, 0)").run(type.id, profile).lastInsertRowid);
    const url = 'https://www.linkedin.com/search/results/people/?keywords=cto';
    sqlite.prepare('INSERT INTO source_urls (source_id, url, url_norm, next_run_at, created_at, updated_at) VALUES (?, ?, ?, 0, 0, 0)').run(source, url, url);
    new JobCreator(sqlite).create(t.core.services.clock.now());
    await until(() => (sqlite.prepare("SELECT status FROM jobs").get() as { status: string }).status === 'performed');
    expect(sqlite.prepare('SELECT events_new FROM jobs').get()).toEqual({ events_new: 3 });
    expect(t.core.services.supervisor.get(profile)?.state).not.toBe('paused');
    const dump = JSON.stringify(sqlite.prepare('SELECT settings, credentials FROM profiles').all());
    expect(dump).not.toContain('not-stored-anywhere');
  });
});
