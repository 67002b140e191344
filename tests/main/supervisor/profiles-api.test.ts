import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCredentials } from '../../../src/main/secrets/profile-credentials';
import type { ProfileRecord, ProfileView } from '../../../src/shared/contract/schemas/profiles';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { addDiagnosticType, addItem, alive, until } from './harness';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

let t: TestCore;
const states: ProfileView[] = [];
beforeAll(async () => {
  t = await startTestCore({ clock: new ManualClock() });
  addDiagnosticType(t.core.services.store.sqlite);
  t.core.services.bus.subscribe((e) => {
    if (e.name === 'profiles.state') states.push(e.payload);
  });
});
afterAll(() => t.stop());

const post = async (path: string, body: unknown = {}) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
const list = async () => ((await (await t.api('/api/v1/profiles')).json()) as { items: ProfileRecord[] }).items;
const current = async (id: number) => (await list()).find((p) => p.id === id);

describe('profiles over the API', () => {
  it('creates an idle, inactive profile of a catalogue type and refuses an unknown type naming the field', async () => {
    const res = await post('/profiles', { typeCode: 'diagnostic', name: 'Self test' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'Self test', typeCode: 'diagnostic', active: false, state: 'idle', worker: null });
    const bad = await post('/profiles', { typeCode: 'carrier_pigeon', name: 'x' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([{ path: 'typeCode', message: 'no profile type "carrier_pigeon" in the catalogue' }]);
  });

  it('starts one worker for two concurrent start calls, shows it live, pauses, resumes and stops it', async () => {
    const { id } = (await (await post('/profiles', { typeCode: 'diagnostic', name: 'Twice' })).json()) as ProfileView;
    const [a, b] = await Promise.all([post(`/profiles/${id}/start`), post(`/profiles/${id}/start`)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const online = await until(async () => {
      const p = await current(id);
      return p?.state === 'online' ? p : undefined;
    });
    const pid = online.worker?.pid;
    expect(online).toMatchObject({ active: true, worker: { restarts: 0 } });
    expect(pid).toBeGreaterThan(0);
    expect(states.filter((s) => s.id === id && s.state === 'starting')).toHaveLength(1);

    expect((await (await post(`/profiles/${id}/pause`)).json()).state).toBe('stopping');
    await until(async () => (await current(id))?.state === 'paused');
    expect(await current(id)).toMatchObject({ pauseReason: 'operator', active: true, worker: null });
    expect(alive(pid!)).toBe(false);

    await post(`/profiles/${id}/resume`);
    const resumed = await until(async () => {
      const p = await current(id);
      return p?.state === 'online' ? p : undefined;
    });
    expect(resumed.worker?.pid).not.toBe(pid);

    await post(`/profiles/${id}/stop`);
    await until(async () => (await current(id))?.state === 'idle');
    expect(await current(id)).toMatchObject({ active: false, worker: null, pauseReason: null });
  });

  it('fails a profile whose type has no channel in this build, saying so', async () => {
    const { id } = (await (await post('/profiles', { typeCode: 'public_web', name: 'Web' })).json()) as ProfileView;
    await post(`/profiles/${id}/start`);
    const failed = await until(async () => {
      const p = await current(id);
      return p?.state === 'failed' ? p : undefined;
    });
    expect(failed.stateDetail).toBe('this build has no channel for profile type public_web');
  });

  it('answers 404 for a profile that does not exist', async () => {
    for (const verb of ['start', 'stop', 'pause', 'resume']) {
      const res = await post(`/profiles/999/${verb}`);
      expect(res.status, verb).toBe(404);
    }
  });
});

const smtpImap = {
  typeCode: 'smtp_imap',
  name: 'Sales mailbox',
  settings: { smtp: { host: 'smtp.example.com' }, imap: { host: 'imap.example.com', port: 143, security: 'starttls' } },
  credentials: { user: 'sales@example.com', password: 'correct horse' },
};
const issuesOf = async (res: Response) => ((await res.json()) as { error: { issues: { path: string; message: string }[] } }).error.issues;

describe('profile management', () => {
  it('creates a mailbox profile with its settings over the type defaults and shows only which credentials are set', async () => {
    const res = await post('/profiles', smtpImap);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('correct horse');
    const created = JSON.parse(text) as ProfileRecord;
    expect(created).toMatchObject({
      typeCode: 'smtp_imap',
      access: 'mta',
      settings: smtpImap.settings,
      credentials: [
        { name: 'user', set: true },
        { name: 'password', set: true },
      ],
      tag: null,
      lastError: null,
    });
    const got = (await (await t.api(`/api/v1/profiles/${created.id}`)).json()) as ProfileRecord;
    expect(got).toEqual(created);
    const sealed = t.core.services.store.sqlite.prepare('SELECT credentials FROM profiles WHERE id = ?').get(created.id) as { credentials: Buffer };
    expect(sealed.credentials.includes('correct horse')).toBe(false);
  });

  it('refuses bad settings per access class, missing or unknown credentials and quotas over the ceiling, naming each field', async () => {
    const bad = await post('/profiles', {
      ...smtpImap,
      settings: { smtp: { port: 70000, security: 'ssl' }, folders: { sent: '' } },
      credentials: { user: 'x', token: 'y' },
      quotas: { email: { max: 5000 } },
    });
    expect(bad.status).toBe(400);
    const paths = (await issuesOf(bad)).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'settings.smtp.host',
        'settings.smtp.port',
        'settings.smtp.security',
        'settings.folders.sent',
        'credentials',
        'credentials.password',
        'quotas.email.max',
      ]),
    );
    const policy = await post('/profiles', { ...smtpImap, policy: { schedule: { days: [1], startHour: 18, endHour: 8 } } });
    expect(await issuesOf(policy)).toEqual([{ path: 'policy.schedule.endHour', message: 'startHour must be before endHour' }]);
    const api = await post('/profiles', { typeCode: 'http_api', name: 'Verifier', settings: { baseUrl: 'ftp://api.example.com' }, credentials: { apiKey: 'k' } });
    expect(await issuesOf(api)).toEqual([{ path: 'settings.baseUrl', message: 'expected an http:// or https:// URL' }]);
    const none = await post('/profiles', { typeCode: 'http_api', name: 'Verifier', credentials: { apiKey: 'k' } });
    expect(await issuesOf(none)).toEqual([{ path: 'settings.baseUrl', message: 'required: the API address' }]);
    const good = await post('/profiles', { typeCode: 'http_api', name: 'Verifier', settings: { baseUrl: 'https://api.example.com/v1' }, credentials: { apiKey: 'k' } });
    expect(good.status).toBe(200);
  });

  it('edits name, settings, quotas and tag, replaces only the credential fields given, and keeps the rest', async () => {
    const tag = (await (await post('/tags', { name: 'EU senders' })).json()) as { id: number };
    const { id } = (await (await post('/profiles', { ...smtpImap, name: 'Edit me', tagId: tag.id })).json()) as ProfileRecord;
    const res = await post(`/profiles/${id}`, {
      name: 'Edited',
      settings: { ...smtpImap.settings, smtp: { host: 'smtp2.example.com', port: 2525 } },
      quotas: { email: { max: 20 } },
      credentials: { password: 'new password' },
      tagId: null,
    });
    expect(res.status).toBe(200);
    const edited = (await res.json()) as ProfileRecord;
    expect(edited).toMatchObject({ name: 'Edited', settings: { smtp: { host: 'smtp2.example.com', port: 2525 } }, quotas: { email: { max: 20 } }, tag: null });
    const { services } = t.core;
    expect(openCredentials(services.secrets, id, services.profiles.sealedCredentials(id))).toEqual({ user: 'sales@example.com', password: 'new password' });
    const blank = await post(`/profiles/${id}`, { credentials: { user: '' } });
    expect(await issuesOf(blank)).toEqual([{ path: 'credentials.user', message: 'required' }]);
    expect((await post(`/profiles/${id}`, { tagId: 99_999 })).status).toBe(400);
    expect((await post('/profiles/99999', { name: 'x' })).status).toBe(404);
    expect((await t.api('/api/v1/profiles/99999')).status).toBe(404);
  });

  it("shows the error of the profile's most recent failed work item", async () => {
    const sqlite = t.core.services.store.sqlite;
    const { id } = (await (await post('/profiles', { typeCode: 'diagnostic', name: 'Failing' })).json()) as ProfileRecord;
    for (const [due, text] of [[1_000, 'older failure'], [2_000, 'SMTP 535 authentication failed']] as const) {
      const item = addItem(sqlite, id, ['succeed'], due);
      sqlite.prepare("UPDATE enrichments SET status = 'failed', error_kind = 'permanent', error_text = ?, finished_at = ? WHERE id = ?").run(text, due, item);
    }
    const got = (await (await t.api(`/api/v1/profiles/${id}`)).json()) as ProfileRecord;
    expect(got.lastError).toEqual({ text: 'SMTP 535 authentication failed', at: new Date(2_000).toISOString() });
  });

  it('restarts a running worker when its settings change, so it gets them at its welcome', async () => {
    const { id } = (await (await post('/profiles', { typeCode: 'diagnostic', name: 'Restart me' })).json()) as ProfileView;
    await post(`/profiles/${id}/start`);
    const first = await until(async () => {
      const p = await current(id);
      return p?.state === 'online' ? p.worker?.pid : undefined;
    });
    await post(`/profiles/${id}`, { settings: { note: 'changed' } });
    const second = await until(async () => {
      const p = await current(id);
      return p?.state === 'online' && p.worker?.pid !== first ? p.worker?.pid : undefined;
    });
    expect(alive(first)).toBe(false);
    expect(second).toBeGreaterThan(0);
    expect(await current(id)).toMatchObject({ active: true, worker: { restarts: 0 } });
    await post(`/profiles/${id}/stop`);
    await until(async () => (await current(id))?.state === 'idle');
  });

  it('deletes a profile: its worker stops, its pending work is released; refused while it holds running work', async () => {
    const sqlite = t.core.services.store.sqlite;
    const { id } = (await (await post('/profiles', { typeCode: 'diagnostic', name: 'Delete me' })).json()) as ProfileView;
    const item = addItem(sqlite, id, ['succeed'], Number.MAX_SAFE_INTEGER);
    sqlite.prepare("UPDATE enrichments SET status = 'running', lease_owner = 'w', lease_expires_at = 1 WHERE id = ?").run(item);
    const busy = await post(`/profiles/${id}/delete`);
    expect(busy.status).toBe(409);
    expect((await busy.json()).error.message).toContain('holds 1 running work item');
    sqlite.prepare("UPDATE enrichments SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL WHERE id = ?").run(item);

    await post(`/profiles/${id}/start`);
    const pid = await until(async () => {
      const p = await current(id);
      return p?.state === 'online' ? p.worker?.pid : undefined;
    });
    const res = await post(`/profiles/${id}/delete`);
    expect(res.status).toBe(200);
    expect(await current(id)).toBeUndefined();
    expect((await t.api(`/api/v1/profiles/${id}`)).status).toBe(404);
    await until(() => !alive(pid!));
    expect(sqlite.prepare('SELECT profile_id FROM enrichments WHERE id = ?').get(item)).toEqual({ profile_id: null });
    expect((await post(`/profiles/${id}/delete`)).status).toBe(404);
  });
});
