import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../src/shared/contract/methods';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';

// Complements bad-input-every-method (one hostile value per field): here fast-check draws whole inputs,
// several fields at once, nested values, and checks that a refused request wrote nothing at all.
let t: TestCore;
let requests = 0;
beforeAll(async () => {
  // A manual clock keeps the loops still, so any write during a request is the request's own.
  t = await startTestCore({ clock: new ManualClock() });
  await t.api('/api/v1/settings');
});
afterAll(async () => {
  console.info(`property-every-method: ${requests} requests over ${Object.keys(methods).length} methods`);
  await t?.stop();
});

// Methods whose valid call reaches outside the process or changes the caller's access: only refused inputs are sent.
const REFUSED_ONLY = new Set<string>(['apiKey.rotate', 'update.check', 'update.download', 'update.install', 'email.doctor', 'profiles.create', 'profiles.update', 'backups.restore']);
// About 1,500 requests in all, so the file stays near a minute on a loaded machine as the contract grows.
const RUNS_PER_METHOD = Math.max(8, Math.floor(Number(process.env.API_FUZZ_REQUESTS ?? 1500) / Object.keys(methods).length));

const injection = [
  "' OR 1=1 --",
  "'; DROP TABLE leads; --",
  '" OR ""="',
  '1; SELECT * FROM api_keys',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '\u0000',
  '\u202Egnp.exe',
  '😀👩‍👩‍👧',
  'NaN',
  'Infinity',
  '1e999',
  '__proto__',
  'constructor',
  '2026-13-45T99:99:99Z',
  '{"a":',
  '[]',
];
const boundaries = [null, true, false, 0, -0, -1, 1, 1.5, 2 ** 31, -(2 ** 31), 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, '', ' ', 'x'];

const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...boundaries, ...injection),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
  fc.array(fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom(...injection)), { maxLength: 5 }),
  fc.constant('y'.repeat(300_000)),
);

const inputFor = (name: MethodName): fc.Arbitrary<Record<string, unknown>> => {
  const fields = Object.keys(methods[name].input.shape);
  const record = fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
  return REFUSED_ONLY.has(name) ? record.map((r) => ({ ...r, zzUnknown: 1 })) : record;
};

async function send(name: MethodName, input: Record<string, unknown>): Promise<Response> {
  const spec = methods[name];
  const rest: Record<string, unknown> = { ...input };
  const path = spec.path.replace(/:(\w+)/g, (_m, key: string) => {
    const v = rest[key] ?? '1';
    delete rest[key];
    return encodeURIComponent(typeof v === 'string' ? v : String(JSON.stringify(v)));
  });
  requests++;
  if (spec.http === 'GET') {
    const qs = new URLSearchParams(Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' ? v : String(JSON.stringify(v))]));
    return t.api(`/api/v1${path}?${qs}`);
  }
  return t.api(`/api/v1${path}`, { method: spec.http, body: JSON.stringify(rest) });
}

const changes = () => (t.core.services.store.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('property: random input to every API method', () => {
  const names = Object.keys(methods) as MethodName[];

  it.each(names)('%s: 2xx, or a 4xx naming the field and writing nothing; never a 5xx', async (name) => {
    const fields = Object.keys(methods[name].input.shape);
    await fc.assert(
      fc.asyncProperty(inputFor(name), async (input) => {
        const before = changes();
        const res = await send(name, input);
        const label = `${name} ${JSON.stringify(input).slice(0, 200)}`;
        expect(res.status, label).toBeLessThan(500);
        if (res.status < 400) return;
        const body = await res.json();
        expect(body.error.message, label).toMatch(/\S/);
        for (const issue of (body.error.issues ?? []) as { path: string }[]) {
          expect([...fields, 'zzUnknown'], label).toContain(issue.path.split('.')[0]);
          expect(body.error.message, label).toContain(issue.path);
        }
        expect(changes(), `${label} wrote to the database though refused`).toBe(before);
      }),
      { numRuns: RUNS_PER_METHOD, seed: Number(process.env.FC_SEED ?? 20261123), endOnFailure: true },
    );
  }, 120_000);

  it('the core is still healthy and the database intact afterwards', async () => {
    expect((await fetch(`${t.origin}/api/v1/health`)).status).toBe(200);
    expect(t.core.services.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
