import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

/** The Electron binary when the runtime is installed, else why not. */
function electronBinary(): { bin?: string; reason?: string } {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    const bin = existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8')) : undefined;
    return bin && existsSync(bin) ? { bin } : { reason: 'the Electron runtime binary is not installed on this machine (it cannot be downloaded here)' };
  } catch {
    return { reason: 'the electron package is not installed' };
  }
}

const electron = electronBinary();
if (!electron.bin) console.log(`Skipping the desktop e2e test: ${electron.reason}. The browser edition e2e covers the same core and dashboard.`);

describe('desktop edition', () => {
  it.skipIf(!electron.bin)('opens the dashboard window over IPC with the same leads screen', async () => {
    const app = await _electron.launch({ executablePath: electron.bin!, args: ['.'], env: { ...process.env, OUTPOST_PORT: '0', OUTPOST_DATA_DIR: mkdtempSync(join(tmpdir(), 'outpost-desktop-')) } });
    const window = await app.firstWindow();
    await window.getByRole('table', { name: 'Leads' }).waitFor();
    expect(await window.title()).toBe('Outpost');
    await app.close();
  });
});
