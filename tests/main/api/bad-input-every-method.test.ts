import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../src/shared/contract/methods';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t.stop());

const hostile: unknown[] = [null, [], {}, -1, 0, 1.5, 2 ** 60, true, '', 'x'.repeat(200_000), "' OR 1=1 --", '<script>alert(1)</script>', '\u0000\uFFFF😀', '../../etc/passwd'];

function send(name: MethodName, input: Record<string, unknown>): Promise<Response> {
  const spec = methods[name];
  let path = spec.path;
  const rest: Record<string, unknown> = { ...input };
  path = path.replace(/:(\w+)/g, (_m, key: string) => {
    const value = rest[key] ?? '1';
    delete rest[key];
    return encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
  });
  if (spec.http === 'GET') {
    const qs = new URLSearchParams(Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    return t.api(`/api/v1${path}?${qs}`);
  }
  return t.api(`/api/v1${path}`, { method: spec.http, body: JSON.stringify(rest) });
}

const snapshot = async () => ({
  settings: await (await t.api('/api/v1/settings')).json(),
  key: await (await t.api('/api/v1/api-key')).json(),
});

describe('bad input to every API method', () => {
  const names = (Object.keys(methods) as MethodName[]).filter((n) => n !== 'apiKey.rotate');

  it.each(names)('%s: an unknown field is refused with 400 naming it', async (name) => {
    const res = await send(name, { zzUnknown: 1 });
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues).toContainEqual({ path: 'zzUnknown', message: 'unknown field' });
  });

  it.each(names)('%s: hostile values in every field get a clear 4xx (never a 5xx) and change nothing', async (name) => {
    const before = await snapshot();
    const fields = Object.keys(methods[name].input.shape);
    for (const field of fields) {
      for (const value of hostile) {
        const res = await send(name, { [field]: value });
        const label = `${name} ${field}=${JSON.stringify(value)?.slice(0, 40)}`;
        expect(res.status, label).toBeLessThan(500);
        if (res.status >= 400) {
          const body = await res.json();
          expect(body.error.message, label).toMatch(/\S/);
          if (res.status === 400) {
            // Every problem is named by a field of the method's input (other required fields may be what is missing).
            const issues = body.error.issues as { path: string }[];
            expect(issues.length, label).toBeGreaterThan(0);
            for (const issue of issues) {
              expect(fields, label).toContain(issue.path.split('.')[0]);
              expect(body.error.message, label).toContain(issue.path);
            }
          }
        }
      }
    }
    if (name !== 'settings.update') expect(await snapshot()).toEqual(before);
  });

  it('refuses malformed JSON, a non-object body and a wrong content type with 4xx', async () => {
    const malformed = await t.api('/api/v1/settings', { method: 'POST', body: '{"operatorName":' });
    expect(malformed.status).toBe(400);
    const array = await t.api('/api/v1/settings', { method: 'POST', body: '[1,2]' });
    expect(array.status).toBe(400);
    const text = await t.api('/api/v1/settings', { method: 'POST', body: 'operatorName=x', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(400);
    const huge = await t.api('/api/v1/settings', { method: 'POST', body: JSON.stringify({ postalAddress: 'x'.repeat(2_000_000) }) });
    expect(huge.status).toBe(413);
  });
});
