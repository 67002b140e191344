import { afterEach, describe, expect, it } from 'vitest';
import { LOGIN_CODE_TTL_MS, SESSION_TTL_MS } from '../../../src/main/store/repos/sessions-repo';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore | undefined;
afterEach(() => t?.stop());

const login = (url: string) => fetch(url, { redirect: 'manual' });
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

describe('browser sign-in with the one-time login URL', () => {
  it('trades the code for an HttpOnly SameSite=Strict session cookie that opens the API', async () => {
    t = await startTestCore();
    const res = await login(await t.core.loginUrl());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^outpost_session=ops_/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const api = await fetch(`${t.origin}/api/v1/settings`, { headers: { cookie: cookieOf(res) } });
    expect(api.status).toBe(200);
  });

  it('accepts each code once', async () => {
    t = await startTestCore();
    const url = await t.core.loginUrl();
    expect((await login(url)).status).toBe(303);
    const again = await login(url);
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('refuses an expired code and expires idle sessions; the sweep removes them and spent codes', async () => {
    const clock = new ManualClock();
    t = await startTestCore({ clock });
    const stale = await t.core.loginUrl();
    clock.advance(LOGIN_CODE_TTL_MS + 1);
    expect((await login(stale)).status).toBe(401);

    const res = await login(await t.core.loginUrl());
    const cookie = cookieOf(res);
    clock.advance(SESSION_TTL_MS - 1000);
    expect((await fetch(`${t.origin}/api/v1/settings`, { headers: { cookie } })).status).toBe(200);
    clock.advance(SESSION_TTL_MS + 1);
    expect((await fetch(`${t.origin}/api/v1/settings`, { headers: { cookie } })).status).toBe(401);
    await t.core.services.sessions.sweep();
    const left = t.core.services.store.sqlite.prepare('SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM login_codes) AS n').get() as { n: number };
    expect(left.n).toBe(0);
  });

  it('ends the session on logout', async () => {
    t = await startTestCore();
    const cookie = cookieOf(await login(await t.core.loginUrl()));
    const out = await fetch(`${t.origin}/logout`, { method: 'POST', headers: { cookie, origin: t.origin } });
    expect(out.status).toBe(204);
    expect((await fetch(`${t.origin}/api/v1/settings`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('the API key', () => {
  it('is stored hashed, described by prefix only, and rotation revokes the old key', async () => {
    t = await startTestCore();
    const raw = t.core.services.store.sqlite.prepare('SELECT prefix, key_hash FROM api_keys').all() as { prefix: string; key_hash: string }[];
    expect(raw).toHaveLength(1);
    expect(raw[0]?.key_hash).not.toContain(t.key.slice(3));
    expect(t.key.startsWith(raw[0]?.prefix ?? '?')).toBe(true);

    const described = await (await t.api('/api/v1/api-key')).json();
    expect(described.prefix).toBe(raw[0]?.prefix);
    expect(JSON.stringify(described)).not.toContain(t.key);

    const rotated = await (await t.api('/api/v1/api-key/rotate', { method: 'POST', body: '{}' })).json();
    expect(rotated.key).toMatch(/^op_/);
    expect(rotated.key).not.toBe(t.key);
    expect((await t.api('/api/v1/settings')).status).toBe(401);
    const withNew = await fetch(`${t.origin}/api/v1/settings`, { headers: { authorization: `Bearer ${rotated.key}` } });
    expect(withNew.status).toBe(200);
  });
});
