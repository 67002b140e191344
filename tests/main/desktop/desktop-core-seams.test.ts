import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startCore } from '../../../src/main/core';
import { UpdateController, type UpdaterPort } from '../../../src/main/desktop/update-controller';
import { keychainSecretBox, type Keychain } from '../../../src/main/secrets/keychain-secret-box';
import { ManualClock } from '../../helpers/manual-clock';

/** safeStorage as Electron reports it on a Linux desktop with the given password store. */
const linuxKeychain = (backend: string): Keychain => ({
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => backend,
  encryptString: (text) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (bytes) => Buffer.from(bytes).reverse().toString('utf8'),
});

class IdleUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  allowPrerelease = false;
  channel: string | null = null;
  checkForUpdates = async () => null;
  downloadUpdate = async () => [];
  quitAndInstall() {}
}

async function desktopCore(backend: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-desktop-core-'));
  const logger = pino({ level: 'silent' });
  const updates = new UpdateController({ updater: new IdleUpdater(), clock: new ManualClock(), logger, currentVersion: '0.1.0' });
  const core = await startCore({
    edition: 'desktop',
    dataDir,
    port: 0,
    dashboardDir: join(dataDir, 'no-dashboard'),
    logger,
    connectivityProbe: async () => true,
    secretBox: keychainSecretBox(linuxKeychain(backend), logger, 'linux'),
    updates,
  });
  onTestFinished(async () => {
    await core.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return core;
}

describe('the desktop core behind its seams', () => {
  it('surfaces the weak basic_text keyring in system info for the dashboard', async () => {
    const core = await desktopCore('basic_text');
    const info = await core.handlers['system.info']({});
    expect(info.edition).toBe('desktop');
    expect(info.secretStorage).toEqual({ scheme: 'Electron safeStorage (basic_text)', warning: expect.stringContaining('protects them only weakly') });
  });

  it('reports no warning with a real keyring, and the updater’s own state through update.get', async () => {
    const core = await desktopCore('gnome_libsecret');
    expect((await core.handlers['system.info']({})).secretStorage).toEqual({ scheme: 'Electron safeStorage (gnome_libsecret)', warning: null });
    expect(await core.handlers['update.get']({})).toMatchObject({ status: 'idle', currentVersion: '0.1.0' });
    await expect(core.handlers['update.install']({})).rejects.toMatchObject({ code: 'conflict' });
  });
});
