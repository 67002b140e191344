import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { databaseFile } from '../data-dir';
import { backupFolder, readBackupSettings } from './backup-settings-file';
import { writeBackupNow, type BackupFile } from './backup-folder';
import { applyPendingRestore } from './restore-pending';
import { checkFile, type IntegrityResult } from './verify-backup';

/** The database file ready to open, its startup integrity check, and the pre-migration backup hook for `openStore`. */
export interface PreparedDatabase {
  readonly file: string;
  readonly integrity: IntegrityResult;
  /** Copies the file synchronously (before `openStore` migrates it); the returned promise settles when the copy is verified. */
  readonly beforeMigrate: (sqlite: Database) => Promise<BackupFile | null>;
}

/** Before the store opens: applies a pending restore, then runs `PRAGMA quick_check` on the file. */
export async function prepareDatabase(dataDir: string, now: () => number, logger: Logger): Promise<PreparedDatabase> {
  const file = databaseFile(dataDir);
  const restore = await applyPendingRestore(dataDir, file, now());
  if (restore?.applied) logger.warn(restore, 'restored the database from a backup');
  else if (restore) logger.error(restore, 'pending restore not applied');
  const integrity = existsSync(file) ? await checkFile(file, 'quick_check') : { ok: true, problems: [] };
  if (!integrity.ok) logger.error({ problems: integrity.problems }, 'database failed its integrity check: writes are refused until a backup is restored');
  return {
    file,
    integrity,
    beforeMigrate: (sqlite) =>
      writeBackupNow(sqlite, backupFolder(dataDir, readBackupSettings(dataDir)), now(), 'pre-migration').then(
        (taken) => {
          logger.info({ backup: taken.id }, 'backed up the database before migrating it');
          return taken;
        },
        (err: unknown) => {
          logger.error({ err }, 'the pre-migration backup failed its check');
          return null;
        },
      ),
  };
}
