import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../../src/main/api/http/create-http-server';
import { methods } from '../../../src/shared/contract/methods';
import { ManualClock } from '../../helpers/manual-clock';
import { rawRequest } from '../../helpers/raw-request';
import { startTestCore, type TestCore } from '../../helpers/test-core';

// Uploads of several MiB on a machine shared with other test runs.
vi.setConfig({ testTimeout: 60_000 });

let t: TestCore;
let clock: ManualClock;
beforeAll(async () => {
  clock = new ManualClock();
  t = await startTestCore({ clock });
});
afterAll(() => t?.stop());

const IMPORT_LIMIT = methods['imports.create'].maxBodyBytes;

describe('request body limits', () => {
  it('refuses a body over the global 1 MiB limit with 413 naming the limit', async () => {
    const res = await t.api('/api/v1/settings', { method: 'POST', body: JSON.stringify({ postalAddress: 'x'.repeat(BODY_LIMIT_BYTES + 10) }) });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toContain(`${BODY_LIMIT_BYTES} bytes`);
  });

  it('lets the import upload through well past 1 MiB, and refuses it past its own stated limit with 413 naming that limit', async () => {
    const row = 'Ada,Lovelace,ada@example.com\n';
    const csv = 'First Name,Last Name,Email\n' + row.repeat(Math.ceil((3 * BODY_LIMIT_BYTES) / row.length));
    const ok = await t.api('/api/v1/imports', {
      method: 'POST',
      body: JSON.stringify({ fileName: 'big.csv', content: Buffer.from(csv).toString('base64'), mapping: ['firstName', 'lastName', 'email'] }),
    });
    expect(ok.status).toBe(200);
    expect(IMPORT_LIMIT).toBe(64 * 1024 * 1024);
    const tooBig = await t.api('/api/v1/imports', { method: 'POST', body: JSON.stringify({ fileName: 'huge.csv', content: 'A'.repeat(IMPORT_LIMIT ?? 0) }) });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.message).toContain(`${IMPORT_LIMIT} bytes (64 MiB)`);
  });
});

describe('URL and header limits', () => {
  it('answers an oversized URL or header with 431, a badly encoded URL with 400 and an over-long path parameter with 414', async () => {
    const headers = { authorization: `Bearer ${t.key}` };
    const longUrl = await rawRequest(t.origin, `/api/v1/leads?q=${'a'.repeat(100_000)}`, { headers });
    expect(longUrl.status).toBe(431);
    expect(JSON.parse(longUrl.body).error.message).toContain('too large');
    const bigHeader = await rawRequest(t.origin, '/api/v1/leads', { headers: { ...headers, 'x-filler': 'b'.repeat(100_000) } });
    expect(bigHeader.status).toBe(431);
    const badEncoding = await rawRequest(t.origin, '/api/v1/leads/%E0%A4%A', { headers: { ...headers, host: `127.0.0.1:${t.core.http.port}` } });
    expect(badEncoding.status).toBe(400);
    const longParam = await rawRequest(t.origin, `/api/v1/leads/${'9'.repeat(500)}`, { headers: { ...headers, host: `127.0.0.1:${t.core.http.port}` } });
    expect(longParam.status).toBe(414);
    expect(JSON.parse(longParam.body).error.message).toContain('too long');
  });
});

describe('rate limiting of failed authentication', () => {
  const wrong = () => fetch(`${t.origin}/api/v1/settings`, { headers: { authorization: 'Bearer op_guess' } });
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  it('answers 429 with Retry-After after 10 wrong keys in a minute, keeps a signed-in session working, and lets the key in again within a minute', async () => {
    const session = cookieOf(await fetch(await t.core.loginUrl(), { redirect: 'manual' }));
    for (let i = 0; i < 10; i++) {
      expect((await wrong()).status).toBe(401);
      clock.advance(1000);
    }
    const limited = await wrong();
    expect(limited.status).toBe(429);
    expect((await limited.json()).error).toMatchObject({ code: 'too_many_requests' });
    // The first failure was 10 s ago: the window (60 s) clears in 50 s.
    expect(limited.headers.get('retry-after')).toBe('50');
    // Even the right key waits (a guesser learns nothing from the answer), but only until the window clears.
    expect((await t.api('/api/v1/settings')).status).toBe(429);
    // The operator's open dashboard is never locked out, and a caller without credentials still learns to sign in.
    expect((await fetch(`${t.origin}/api/v1/settings`, { headers: { cookie: session } })).status).toBe(200);
    expect((await fetch(`${t.origin}/api/v1/settings`)).status).toBe(401);
    clock.advance(50_000);
    expect((await t.api('/api/v1/settings')).status).toBe(200);
  });

  it('counts wrong login codes too, and a locked-out guesser gets one try per expired failure', async () => {
    clock.advance(120_000);
    for (let i = 0; i < 10; i++) {
      expect((await fetch(`${t.origin}/login?code=guess${i}`, { redirect: 'manual' })).status).toBe(401);
      clock.advance(1000);
    }
    const limited = await fetch(`${t.origin}/login?code=guess`, { redirect: 'manual' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('50');
    clock.advance(50_001);
    expect((await wrong()).status).toBe(401);
    expect((await wrong()).status).toBe(429);
    clock.advance(60_000);
    expect((await fetch(await t.core.loginUrl(), { redirect: 'manual' })).status).toBe(303);
    const metrics = await (await t.api('/metrics')).text();
    expect(metrics).toMatch(/^outpost_auth_refusals_total\{reason="wrong_key"\} 11$/m);
    expect(metrics).toMatch(/^outpost_auth_refusals_total\{reason="wrong_login_code"\} 10$/m);
    expect(metrics).toMatch(/^outpost_auth_refusals_total\{reason="rate_limited"\} 4$/m);
  });
});
