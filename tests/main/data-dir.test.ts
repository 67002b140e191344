import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../src/main/data-dir';
import { tempDir } from '../helpers/temp-dir';

describe('data folder', () => {
  it('defaults to the OS user-data folder Electron would use', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x/config' })).toBe('/x/config/Outpost');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toMatch(/Roaming[\\/]Outpost$/);
    expect(defaultDataDir('darwin', {})).toMatch(/Library\/Application Support\/Outpost$/);
  });

  it('prefers an explicit folder, then OUTPOST_DATA_DIR, and creates it owner-only', () => {
    const base = tempDir();
    const explicit = resolveDataDir(join(base, 'a'), { OUTPOST_DATA_DIR: join(base, 'b') });
    expect(explicit).toBe(join(base, 'a'));
    const fromEnv = resolveDataDir(undefined, { OUTPOST_DATA_DIR: join(base, 'b') });
    expect(fromEnv).toBe(join(base, 'b'));
    expect(statSync(fromEnv).mode & 0o777).toBe(0o700);
  });
});
