import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { startCore } from '../../../src/main/core';
import { createLogger } from '../../../src/main/logger';
import { createForkWorkerHost } from '../../../src/main/supervisor/fork-worker-host';
import type { WorkerHost } from '../../../src/main/supervisor/worker-host';
import type { ProfileRecord } from '../../../src/shared/contract/schemas/profiles';
import type { MainMessage } from '../../../src/shared/worker-protocol/messages';
import { ManualClock } from '../../helpers/manual-clock';
import { tempDir } from '../../helpers/temp-dir';
import { addDiagnosticType, sourceWorker, until } from '../supervisor/harness';

vi.setConfig({ testTimeout: 120_000 });

/** A recognisable secret nobody else writes: found anywhere it does not belong, it is a leak. */
const secret = (what: string) => `LEAK-${what}-${randomBytes(6).toString('hex')}`;

describe('no secret leaks', () => {
  it('keeps credentials out of the log, the database file, its WAL and every API response, while the worker gets them in memory', async () => {
    const dataDir = tempDir('outpost-leaks-');
    const logFile = join(dataDir, 'logs', 'outpost.log');
    const logger = createLogger({ level: 'trace', destination: pino.destination({ dest: logFile, mkdir: true, sync: true }) });
    const welcomes: MainMessage[] = [];
    const fork = createForkWorkerHost(sourceWorker);
    const host: WorkerHost = {
      spawn(name) {
        const proc = fork.spawn(name);
        return {
          get pid() {
            return proc.pid;
          },
          send: (message) => {
            if (message.type === 'welcome') welcomes.push(message);
            proc.send(message);
          },
          onMessage: (listener) => proc.onMessage(listener),
          onExit: (listener) => proc.onExit(listener),
          kill: () => proc.kill(),
        };
      },
    };
    const core = await startCore({ edition: 'browser', dataDir, port: 0, dashboardDir: join(dataDir, 'none'), logger, clock: new ManualClock(), workerHost: host });
    const sqlite = core.services.store.sqlite;
    addDiagnosticType(sqlite);
    sqlite.prepare(`UPDATE profile_types SET defaults = json_set(defaults, '$.credentials', json('["user", "password"]')) WHERE code = 'diagnostic'`).run();

    const responses: string[] = [];
    const events: string[] = [];
    core.services.bus.subscribe((e) => events.push(JSON.stringify(e)));
    const call = async (path: string, body?: unknown) => {
      const res = await fetch(`${core.http.origin}/api/v1${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${core.firstApiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      responses.push(text);
      return { status: res.status, text };
    };

    const s = { user: `${secret('user')}@example.com`, password: secret('password'), newPassword: secret('new-password'), apiKey: secret('api-key'), stray: secret('stray') };
    const diag = JSON.parse((await call('/profiles', { typeCode: 'diagnostic', name: 'Diag', credentials: { user: s.user, password: s.password } })).text) as ProfileRecord;
    const mail = JSON.parse(
      (await call('/profiles', { typeCode: 'smtp_imap', name: 'Mail', settings: { smtp: { host: 'mail.invalid' }, imap: { host: 'mail.invalid' } }, credentials: { user: s.user, password: s.password } })).text,
    ) as ProfileRecord;
    expect(await call('/profiles', { typeCode: 'http_api', name: 'Api', settings: { baseUrl: 'https://api.invalid' }, credentials: { apiKey: s.apiKey } })).toMatchObject({ status: 200 });

    // Failing calls: bad settings next to good credentials, a credential the type does not have, a wrong type, unknown fields, too long.
    expect((await call(`/profiles/${mail.id}`, { settings: { smtp: { port: 0 } }, credentials: { password: s.newPassword } })).status).toBe(400);
    expect((await call('/profiles', { typeCode: 'diagnostic', name: 'x', credentials: { user: s.user, password: s.password, [s.stray]: s.stray } })).status).toBe(400);
    expect((await call('/profiles', { typeCode: 'carrier_pigeon', name: 'x', credentials: { password: s.password } })).status).toBe(400);
    expect((await call('/profiles', { typeCode: 'diagnostic', name: 'x', password: s.password })).status).toBe(400);
    expect((await call(`/profiles/${diag.id}`, { credentials: { password: s.password.repeat(1000) } })).status).toBe(400);
    expect((await call(`/profiles/${diag.id}`, { credentials: { password: s.newPassword } })).status).toBe(200);

    await call(`/profiles/${diag.id}/start`, {});
    await call(`/profiles/${mail.id}/start`, {});
    await until(() => core.services.supervisor.get(diag.id)?.state === 'online');
    // Welcomed by a mailbox channel, or refused by a build without one.
    await until(() => welcomes.some((m) => m.type === 'welcome' && m.profile.id === mail.id) || core.services.supervisor.get(mail.id)?.state === 'failed');
    await call('/profiles');
    await call(`/profiles/${diag.id}`);
    await call(`/profiles/${diag.id}/stop`, {});
    await call(`/profiles/${mail.id}/stop`, {});
    await until(() => core.services.supervisor.get(diag.id)?.state === 'idle');

    // The worker did get the plaintext, in memory, at its welcome.
    expect(welcomes.find((m) => m.type === 'welcome' && m.profile.id === diag.id)).toMatchObject({ profile: { credentials: { user: s.user, password: s.newPassword } } });

    const files = () => [logFile, join(dataDir, 'outpost.sqlite'), join(dataDir, 'outpost.sqlite-wal')].filter(existsSync);
    const haystacks = () => [
      ...files().map((f) => ({ where: f, bytes: readFileSync(f) })),
      ...responses.map((r, i) => ({ where: `response ${i}`, bytes: Buffer.from(r) })),
      ...events.map((e, i) => ({ where: `event ${i}`, bytes: Buffer.from(e) })),
    ];
    const leaks = (all: { where: string; bytes: Buffer }[]) =>
      all.flatMap(({ where, bytes }) => Object.entries(s).filter(([, v]) => bytes.includes(v)).map(([k]) => `${k} in ${where}`));

    expect(files()).toContain(join(dataDir, 'outpost.sqlite-wal'));
    expect(readFileSync(logFile, 'utf8')).toContain('core started');
    expect(leaks(haystacks())).toEqual([]);
    await core.stop();
    expect(leaks(haystacks())).toEqual([]);
  });
});
