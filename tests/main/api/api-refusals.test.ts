import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../helpers/raw-request';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t.stop());

const hostHeader = () => `127.0.0.1:${t.core.http.port}`;

describe('the local API refuses what it must', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = t.core.http.app.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1' });
  });

  it('refuses a request without a key', async () => {
    const res = await fetch(`${t.origin}/api/v1/leads`);
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a wrong key and a malformed Authorization header', async () => {
    const wrong = await fetch(`${t.origin}/api/v1/leads`, { headers: { authorization: 'Bearer op_not-the-key' } });
    expect(wrong.status).toBe(401);
    const malformed = await fetch(`${t.origin}/api/v1/leads`, { headers: { authorization: t.key } });
    expect(malformed.status).toBe(401);
    expect((await malformed.json()).error.message).toContain('Bearer');
  });

  it('accepts the key', async () => {
    const res = await t.api('/api/v1/leads');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ items: [], total: 0, nextCursor: null });
  });

  it('refuses a Host that is not this loopback server (DNS rebinding), even with the key', async () => {
    for (const host of ['evil.example', `evil.example:${t.core.http.port}`, '127.0.0.1:1', `localhost.evil.example:${t.core.http.port}`]) {
      const res = await rawRequest(t.origin, '/api/v1/leads', { headers: { host, authorization: `Bearer ${t.key}` } });
      expect(res.status, host).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('forbidden');
    }
  });

  it('accepts localhost and 127.0.0.1 Host names for its own port', async () => {
    for (const host of [hostHeader(), `localhost:${t.core.http.port}`]) {
      const res = await rawRequest(t.origin, '/api/v1/health', { headers: { host } });
      expect(res.status, host).toBe(200);
    }
  });

  it('refuses cross-site Origins and cross-site fetch metadata, even with the key', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${t.core.http.port + 1}`, `https://127.0.0.1:${t.core.http.port}`]) {
      const res = await rawRequest(t.origin, '/api/v1/settings', {
        method: 'POST',
        headers: { host: hostHeader(), origin, authorization: `Bearer ${t.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ operatorName: 'Mallory' }),
      });
      expect(res.status, origin).toBe(403);
    }
    const fetchMeta = await rawRequest(t.origin, '/api/v1/settings', { headers: { host: hostHeader(), 'sec-fetch-site': 'cross-site', authorization: `Bearer ${t.key}` } });
    expect(fetchMeta.status).toBe(403);
    const settings = await (await t.api('/api/v1/settings')).json();
    expect(settings.operatorName).not.toBe('Mallory');
  });

  it('accepts its own Origin', async () => {
    const res = await t.api('/api/v1/settings', { headers: { origin: t.origin } });
    expect(res.status).toBe(200);
  });

  it('refuses unknown fields, naming them', async () => {
    const res = await t.api('/api/v1/settings', { method: 'POST', body: JSON.stringify({ operatorName: 'Ada', colour: 'red' }) });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain('colour');
    expect(body.error.issues).toContainEqual({ path: 'colour', message: 'unknown field' });
    const query = await t.api('/api/v1/leads?limit=5&order=name');
    expect(query.status).toBe(400);
    expect((await query.json()).error.issues).toContainEqual({ path: 'order', message: 'unknown field' });
  });

  it('refuses bad values, naming the field', async () => {
    const res = await t.api('/api/v1/leads?limit=100000');
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].path).toBe('limit');
    const tz = await t.api('/api/v1/settings', { method: 'POST', body: JSON.stringify({ timezone: 'Mars/Olympus' }) });
    expect((await tz.json()).error.issues).toEqual([{ path: 'timezone', message: expect.stringContaining('IANA') }]);
  });

  it('answers 404 for an unknown method and for a missing record', async () => {
    const method = await t.api('/api/v1/leads/frobnicate/now');
    expect(method.status).toBe(404);
    expect((await method.json()).error.code).toBe('not_found');
    const record = await t.api('/api/v1/leads/999');
    expect(record.status).toBe(404);
    expect((await record.json()).error.message).toContain('lead 999');
  });

  it('keeps the health probe public but data-free', async () => {
    const res = await fetch(`${t.origin}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(Object.keys(await res.json()).sort()).toEqual(['schemaVersion', 'status', 'uptimeSeconds', 'version']);
  });

  it('sends a strict CSP and no-sniff on every response', async () => {
    const res = await fetch(`${t.origin}/api/v1/health`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
