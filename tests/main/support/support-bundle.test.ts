import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../../src/main/core';
import { createLogger } from '../../../src/main/logger';
import type { SupportBundle } from '../../../src/shared/contract/schemas/support';
import { ManualClock } from '../../helpers/manual-clock';
import { readZip } from '../../helpers/read-zip';
import { tempDir } from '../../helpers/temp-dir';

const secret = (what: string) => `LEAK-${what}-${randomBytes(6).toString('hex')}`;

describe('support bundle', () => {
  it('zips recent logs, versions, migrations, table counts, settings, profiles and monitoring, with no credential, key or login code inside', async () => {
    const dataDir = tempDir('outpost-support-');
    const logger = createLogger({ level: 'trace', file: { logDir: join(dataDir, 'logs') } });
    const core = await startCore({ edition: 'browser', dataDir, port: 0, dashboardDir: join(dataDir, 'none'), logger, clock: new ManualClock(), connectivityProbe: async () => true });
    try {
      const key = core.firstApiKey ?? '';
      const call = async (path: string, body?: unknown) =>
        fetch(`${core.http.origin}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const s = { user: `${secret('user')}@example.com`, password: secret('password'), apiKey: secret('api-key') };
      const mail = { typeCode: 'smtp_imap', name: 'Mail', settings: { smtp: { host: 'mail.invalid' }, imap: { host: 'mail.invalid' } }, credentials: { user: s.user, password: s.password } };
      expect((await call('/api/v1/profiles', mail)).status).toBe(200);
      expect((await call('/api/v1/profiles', { typeCode: 'http_api', name: 'Api', settings: { baseUrl: 'https://api.invalid' }, credentials: { apiKey: s.apiKey } })).status).toBe(200);
      const loginUrl = await core.loginUrl();
      const code = new URL(loginUrl).searchParams.get('code') ?? '';
      // What careless code might log: the key and a login URL in free text, a secret under a redacted field.
      logger.warn({ password: s.password }, `retrying with ${key} after visiting ${loginUrl}`);
      logger.flush();

      const res = await call('/api/v1/support/bundle', {});
      expect(res.status).toBe(200);
      const bundle = (await res.json()) as SupportBundle;
      expect(bundle.fileName).toMatch(/^outpost-support-\d{8}T\d{6}Z\.zip$/);
      const download = await call(bundle.downloadPath);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/zip');
      const zip = Buffer.from(await download.arrayBuffer());
      expect(zip.length).toBe(bundle.sizeBytes);
      const entries = readZip(zip);
      expect([...entries.keys()].sort()).toEqual([...bundle.entries].sort());
      for (const name of ['logs/outpost.log', 'versions.json', 'migrations.json', 'table-counts.json', 'settings.json', 'profiles.json', 'monitoring.json', 'backups.json', 'metrics.txt']) {
        expect(entries.has(name), name).toBe(true);
      }
      const json = (name: string) => JSON.parse(entries.get(name)?.toString('utf8') ?? 'null');
      expect(json('versions.json')).toMatchObject({ edition: 'browser', node: process.versions.node });
      expect(json('migrations.json').length).toBeGreaterThan(10);
      expect(json('table-counts.json')).toMatchObject({ profiles: 2 });
      expect(json('profiles.json').map((p: { sealedFields: string[] }) => p.sealedFields)).toEqual([['user', 'password'], ['apiKey']]);
      expect(entries.get('logs/outpost.log')?.toString('utf8')).toContain('retrying with [redacted]');

      const all = [...entries.values()].map((b) => b.toString('utf8')).join('\n');
      for (const [what, value] of Object.entries({ ...s, key, code })) expect(all.includes(value), `${what} found in the bundle`).toBe(false);
    } finally {
      await core.stop();
    }
  });

  it('serves only bundle names from the exports folder', async () => {
    const dataDir = tempDir('outpost-support-');
    const core = await startCore({ edition: 'browser', dataDir, port: 0, dashboardDir: join(dataDir, 'none'), logger: createLogger({ level: 'silent' }), clock: new ManualClock(), connectivityProbe: async () => true });
    try {
      const get = (name: string) => fetch(`${core.http.origin}/api/v1/support/bundles/${name}`, { headers: { authorization: `Bearer ${core.firstApiKey}` } });
      expect((await get('..%2Foutpost.sqlite')).status).toBe(400);
      expect((await get('outpost.sqlite')).status).toBe(400);
      expect((await get('outpost-support-20260101T000000Z.zip')).status).toBe(404);
    } finally {
      await core.stop();
    }
  });
});
