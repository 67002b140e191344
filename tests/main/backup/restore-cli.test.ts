import { execFile } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { startCore } from '../../../src/main/core';
import { tempDir } from '../../helpers/temp-dir';
import { addJunkTable, damageJunkIndex } from './corrupt-file';

// Generous ceiling only (child processes on a shared machine); no test asserts on time.
vi.setConfig({ testTimeout: 120_000 });

const run = promisify(execFile);
const cli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/main/backup/restore-cli.ts', ...args], { cwd: process.cwd() }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

const operatorName = async (dataDir: string, set?: string): Promise<string> => {
  const core = await startCore({ edition: 'browser', dataDir, port: 0, dashboardDir: join(dataDir, 'none'), logger: pino({ level: 'silent' }) });
  try {
    if (set) await core.services.settings.update({ operatorName: set });
    return (await core.services.settings.get()).operatorName;
  } finally {
    await core.stop();
  }
};

describe('npm run restore', () => {
  it('restores a backup file into a stopped data folder, backing up and keeping aside the current one', async () => {
    const dataDir = tempDir();
    await operatorName(dataDir, 'Old Name');
    const first = await startCore({ edition: 'browser', dataDir, port: 0, dashboardDir: join(dataDir, 'none'), logger: pino({ level: 'silent' }) });
    const backup = await first.services.backups.create('manual');
    await first.stop();
    await operatorName(dataDir, 'New Name');

    const done = await cli([backup.file, '--data-dir', dataDir]);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/backed up to .*-pre-restore\.sqlite[\s\S]*Restored .*kept at/);
    expect(await operatorName(dataDir)).toBe('Old Name');
    expect(readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('-pre-restore.sqlite'))).toHaveLength(1);
    expect(readdirSync(join(dataDir, 'restore-aside'))).toHaveLength(1);
  });

  it('refuses a corrupted backup and leaves the database alone', async () => {
    const dataDir = tempDir();
    await operatorName(dataDir, 'Kept');
    const bad = join(dataDir, 'bad.sqlite');
    copyFileSync(join(dataDir, 'outpost.sqlite'), bad);
    addJunkTable(bad);
    damageJunkIndex(bad);
    const refused = await cli([bad, '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Restore refused: .*integrity check/);
    expect(await operatorName(dataDir)).toBe('Kept');
  });
});
