import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const APP_FOLDER = 'Outpost';

/** The OS user-data folder Electron would use for Outpost (so both editions share one data folder). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

/** The data folder to use: an explicit choice, else OUTPOST_DATA_DIR, else the OS default; created owner-only. */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = resolve(explicit ?? env.OUTPOST_DATA_DIR ?? defaultDataDir(process.platform, env));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** The database file inside a data folder. */
export const databaseFile = (dataDir: string): string => join(dataDir, 'outpost.sqlite');
