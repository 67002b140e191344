import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupSettings, type BackupSettings } from '../../shared/contract/schemas/backups';

/** Defaults: `<data>/backups`, hourly. */
export const defaultBackupSettings: BackupSettings = { folder: null, intervalMinutes: 60 };

// A file beside the database rather than a settings row: it must be readable when the database is corrupt,
// by the restore command line, and must not be rolled back by a restore.
const settingsFile = (dataDir: string): string => join(dataDir, 'backup-settings.json');

/** The stored backup settings, defaults for anything missing or invalid. */
export function readBackupSettings(dataDir: string): BackupSettings {
  const file = settingsFile(dataDir);
  if (!existsSync(file)) return defaultBackupSettings;
  try {
    const parsed = backupSettings.safeParse({ ...defaultBackupSettings, ...JSON.parse(readFileSync(file, 'utf8')) });
    return parsed.success ? parsed.data : defaultBackupSettings;
  } catch {
    return defaultBackupSettings;
  }
}

/** Stores backup settings. */
export function writeBackupSettings(dataDir: string, value: BackupSettings): void {
  writeFileSync(settingsFile(dataDir), `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
}

/** The folder backups go to under these settings. */
export const backupFolder = (dataDir: string, value: BackupSettings): string => value.folder ?? join(dataDir, 'backups');
