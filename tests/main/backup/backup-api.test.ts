import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCore, type Core } from '../../../src/main/core';
import { databaseFile } from '../../../src/main/data-dir';
import { createBackupLoop } from '../../../src/main/loops/backup-loop';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { addJunkTable, damageJunkIndex } from './corrupt-file';

// Generous ceilings only (the machine is shared); no test asserts on time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const cores: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.stop();
});

/** A core on a data folder the test keeps across restarts, called with an API key it issues itself. */
async function startOn(dataDir: string, clock?: ManualClock): Promise<{ core: Core; api: (path: string, init?: RequestInit) => Promise<Response>; stop(): Promise<void> }> {
  const core = await startCore({ edition: 'browser', dataDir, port: 0, dashboardDir: join(dataDir, 'none'), logger: pino({ level: 'silent' }), ...(clock ? { clock } : {}) });
  const key = core.firstApiKey ?? (await core.services.apiKeys.rotate()).key;
  const handle = {
    core,
    api: (path: string, init: RequestInit = {}) =>
      fetch(core.http.origin + path, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.body ? { 'content-type': 'application/json' } : {}) } }),
    stop: () => core.stop(),
  };
  return handle;
}

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

describe('backups through the API', () => {
  it('lists, creates and changes settings; refuses a missing or malformed id', async () => {
    const t: TestCore = await startTestCore();
    cores.push(t);
    const created = await (await t.api('/api/v1/backups', post({}))).json();
    expect(created).toMatchObject({ reason: 'manual', id: expect.stringMatching(/-manual\.sqlite$/) });
    expect(created.bytes).toBeGreaterThan(0);
    const list = await (await t.api('/api/v1/backups')).json();
    expect(list).toMatchObject({ folder: join(t.dataDir, 'backups'), databaseOk: true, problems: [], restorePending: null });
    expect(list.backups).toEqual([created]);
    const folder = join(t.dataDir, 'elsewhere');
    const set = await (await t.api('/api/v1/backups/settings', post({ folder, intervalMinutes: 30 }))).json();
    expect(set).toEqual({ folder, intervalMinutes: 30, effectiveFolder: folder });
    expect((await (await t.api('/api/v1/backups/settings')).json()).intervalMinutes).toBe(30);
    expect((await t.api('/api/v1/backups/settings', post({ folder: 'relative/path' }))).status).toBe(400);
    writeFileSync(join(t.dataDir, 'a-file'), '');
    const blocked = await t.api('/api/v1/backups/settings', post({ folder: join(t.dataDir, 'a-file', 'backups') }));
    expect(blocked.status).toBe(400);
    expect((await blocked.json()).error.issues[0].path).toBe('folder');
    expect((await t.api('/api/v1/backups/restore', post({ id: created.id }))).status).toBe(404);
    expect((await t.api('/api/v1/backups/restore', post({ id: '../outpost.sqlite' }))).status).toBe(400);
  });

  it('restores a backup at the next start: old rows come back and the current file is kept aside', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'outpost-restore-'));
    cores.push({ stop: async () => rmSync(dataDir, { recursive: true, force: true }) });
    const first = await startOn(dataDir);
    await first.api('/api/v1/settings', post({ operatorName: 'Before Backup' }));
    const backup = await (await first.api('/api/v1/backups', post({}))).json();
    await first.api('/api/v1/settings', post({ operatorName: 'After Backup' }));
    const restore = await (await first.api('/api/v1/backups/restore', post({ id: backup.id }))).json();
    expect(restore).toMatchObject({ restorePending: backup.id, preRestoreBackup: expect.stringMatching(/-pre-restore\.sqlite$/) });
    expect((await (await first.api('/api/v1/backups')).json()).restorePending).toBe(backup.id);
    await first.stop();

    const second = await startOn(dataDir);
    try {
      expect((await (await second.api('/api/v1/settings')).json()).operatorName).toBe('Before Backup');
      const list = await (await second.api('/api/v1/backups')).json();
      expect(list.restorePending).toBeNull();
      expect(list.backups.map((b: { reason: string }) => b.reason).sort()).toEqual(['manual', 'pre-restore']);
      const aside = readdirSync(join(dataDir, 'restore-aside')).filter((f) => f.endsWith('outpost.sqlite'));
      expect(aside).toHaveLength(1);
      // The pre-restore backup holds the rows the restore replaced.
      const undo = await (await second.api('/api/v1/backups/restore', post({ id: restore.preRestoreBackup }))).json();
      expect(undo.restorePending).toBe(restore.preRestoreBackup);
    } finally {
      await second.stop();
    }
    const third = await startOn(dataDir);
    expect((await (await third.api('/api/v1/settings')).json()).operatorName).toBe('After Backup');
    await third.stop();
  });

  it('on a corrupt database: reports it with the backups, refuses changes with 503, and restore brings it back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'outpost-corrupt-'));
    cores.push({ stop: async () => rmSync(dataDir, { recursive: true, force: true }) });
    const first = await startOn(dataDir);
    const backup = await (await first.api('/api/v1/backups', post({}))).json();
    await first.stop();
    addJunkTable(databaseFile(dataDir));
    damageJunkIndex(databaseFile(dataDir));

    const broken = await startOn(dataDir);
    const list = await (await broken.api('/api/v1/backups')).json();
    expect(list.databaseOk).toBe(false);
    expect(list.problems.length).toBeGreaterThan(0);
    expect(list.backups.map((b: { id: string }) => b.id)).toEqual([backup.id]);
    const refused = await broken.api('/api/v1/settings', post({ operatorName: 'x' }));
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.message).toMatch(/integrity check.*restore a backup/s);
    expect((await broken.api('/api/v1/settings')).status).toBe(200);
    const restore = await (await broken.api('/api/v1/backups/restore', post({ id: backup.id }))).json();
    expect(restore.preRestoreBackup).toBeNull();
    await broken.stop();

    const healed = await startOn(dataDir);
    expect((await (await healed.api('/api/v1/backups')).json()).databaseOk).toBe(true);
    expect((await healed.api('/api/v1/settings', post({ operatorName: 'y' }))).status).toBe(200);
    await healed.stop();
    expect(existsSync(join(dataDir, 'restore-aside'))).toBe(true);
  });

  it('the backup loop takes a scheduled backup when the last is older than the interval, and prunes', async () => {
    const clock = new ManualClock();
    const t = await startTestCore({ clock });
    cores.push(t);
    const loop = createBackupLoop(t.core.services, pino({ level: 'silent' }));
    const scheduled = () => t.core.services.backups.list().filter((b) => b.reason === 'scheduled').length;
    await loop.runOnce();
    expect(scheduled()).toBe(1);
    clock.advance(59 * 60_000);
    await loop.runOnce();
    expect(scheduled()).toBe(1);
    clock.advance(60_000);
    await loop.runOnce();
    expect(scheduled()).toBe(2);
    // Two days of hourly passes: hourly for the last day, one a day before that.
    for (let h = 0; h < 48; h++) {
      clock.advance(3_600_000);
      await loop.runOnce();
    }
    expect(scheduled()).toBeLessThanOrEqual(27);
    expect(scheduled()).toBeGreaterThanOrEqual(24);
  });
});
