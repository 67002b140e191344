import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ROUTE_PREFIXES, isPublicPath } from '../../../src/main/api/http/public-routes';
import { methods } from '../../../src/shared/contract/methods';
import { rawRequest, type RawResponse } from '../../helpers/raw-request';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t?.stop());

// Reachable without a key, each for a stated reason (docs/SECURITY.md): signing in and out, the data-free
// liveness probe and API description, the dashboard's own files, and the public unsubscribe links.
const OPEN_ROUTES = new Set(['/login', '/logout', '/api/v1/health', '/api/v1/openapi.json', '/']);
const isOpen = (url: string) => OPEN_ROUTES.has(url) || isPublicPath(url);

const concrete = (url: string) => url.replace(/:\w+/g, '1').replace(/\*$/, 'x');

const call = (method: string, url: string, headers: Record<string, string> = {}): Promise<RawResponse> =>
  rawRequest(t.origin, concrete(url), {
    method,
    headers: { host: `127.0.0.1:${t.core.http.port}`, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(method === 'POST' ? { body: '{}' } : {}),
  });

describe('every route checks the caller', () => {
  it('the enumerated routes include every contract method, the downloads, /metrics and the event stream', () => {
    const registered = new Set(t.core.http.routes.map((r) => `${r.method} ${r.url}`));
    for (const spec of Object.values(methods)) expect(registered, spec.path).toContain(`${spec.http} /api/v1${spec.path}`);
    for (const route of ['GET /metrics', 'GET /api/v1/events', 'GET /api/v1/exports/:id/file', 'GET /api/v1/imports/:id/rejected.csv']) {
      expect(registered).toContain(route);
    }
    expect(PUBLIC_ROUTE_PREFIXES.every((prefix) => prefix.startsWith('/') && prefix.endsWith('/') && prefix.length > 2)).toBe(true);
  });

  it('each guarded route refuses an anonymous caller and a wrong key with 401; only the stated routes are open', async () => {
    const guarded = t.core.http.routes.filter((r) => !isOpen(r.url));
    expect(guarded.length).toBeGreaterThan(Object.keys(methods).length);
    for (const { method, url } of guarded) {
      const anonymous = await call(method, url);
      expect(anonymous.status, `${method} ${url} anonymous`).toBe(401);
      if (method !== 'HEAD') expect(JSON.parse(anonymous.body).error.code, url).toBe('unauthorized');
      // Wrong keys on purpose: forget them so the failed-auth limit does not answer 429 instead.
      t.core.services.authLimiter.reset();
      const wrongKey = await call(method, url, { authorization: 'Bearer op_wrong-key-0000000000000000' });
      expect(wrongKey.status, `${method} ${url} wrong key`).toBe(401);
      const wrongCookie = await call(method, url, { cookie: 'outpost_session=forged' });
      expect(wrongCookie.status, `${method} ${url} forged session`).toBe(401);
    }
    t.core.services.authLimiter.reset();
    console.info(`route-auth: ${guarded.length} guarded routes refused anonymous, wrong-key and forged-session calls`);
  }, 120_000);

  it('a sample of every route kind refuses a DNS-rebinding Host and a foreign Origin, even with the key', async () => {
    const auth = { authorization: `Bearer ${t.key}` };
    const samples: [string, string][] = [
      ['GET', '/api/v1/leads'],
      ['POST', '/api/v1/settings'],
      ['GET', '/api/v1/exports/1/file'],
      ['GET', '/api/v1/imports/1/rejected.csv'],
      ['GET', '/metrics'],
      ['GET', '/api/v1/events'],
      ['GET', '/login?code=x'],
      ['POST', '/logout'],
      ['GET', '/api/v1/health'],
      ['GET', '/api/v1/openapi.json'],
      ['GET', '/'],
    ];
    for (const [method, url] of samples) {
      const rebound = await call(method, url, { ...auth, host: `attacker.example:${t.core.http.port}` });
      expect(rebound.status, `${method} ${url} rebinding Host`).toBe(403);
      expect(JSON.parse(rebound.body).error.message, url).toContain('Host');
      const foreign = await call(method, url, { ...auth, origin: 'https://attacker.example' });
      expect(foreign.status, `${method} ${url} foreign Origin`).toBe(403);
      expect(JSON.parse(foreign.body).error.message, url).toContain('origin');
    }
    // The public unsubscribe links arrive through the operator's tunnel under another Host, from mail clients of any
    // Origin, so they skip both checks on purpose: only an unguessable token does anything there.
    for (const method of ['GET', 'POST']) {
      const res = await call(method, `${PUBLIC_ROUTE_PREFIXES[0] ?? '/u/'}not-a-token`, { host: 'unsubscribe.example.com', origin: 'https://mail.example' });
      expect(res.status, `${method} public route with a foreign Host`).toBe(404);
    }
  });
});
