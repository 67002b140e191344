import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { databaseFile } from '../data-dir';
import { readInstance } from '../instance-file';
import { openDatabase } from '../store/open-database';
import { backupFolder, readBackupSettings } from './backup-settings-file';
import { writeBackupNow } from './backup-folder';
import { applyPendingRestore, writeRestoreMarker, type RestoreOutcome } from './restore-pending';
import { checkFile } from './verify-backup';

/** What a command-line restore did. */
export type CommandLineRestore =
  | { readonly state: 'refused'; readonly reason: string }
  | { readonly state: 'pending'; readonly preRestoreBackup: string | null }
  | { readonly state: 'done'; readonly preRestoreBackup: string | null; readonly outcome: RestoreOutcome };

/**
 * Restores any backup file into a data folder: verifies it, backs up the current file (`pre-restore`, when it is
 * readable), then applies it now, or at the next start when Outpost is running on the folder.
 */
export async function restoreFromFile(dataDir: string, backup: string, now: number): Promise<CommandLineRestore> {
  const file = resolve(backup);
  const check = await checkFile(file);
  if (!check.ok) return { state: 'refused', reason: `${file} failed its integrity check: ${check.problems.join('; ')}` };
  const live = databaseFile(dataDir);
  let preRestoreBackup: string | null = null;
  if (existsSync(live) && (await checkFile(live, 'quick_check')).ok) {
    const db = openDatabase(live);
    try {
      preRestoreBackup = (await writeBackupNow(db, backupFolder(dataDir, readBackupSettings(dataDir)), now, 'pre-restore')).file;
    } finally {
      db.close();
    }
  }
  writeRestoreMarker(dataDir, { backup: file, requestedAt: now });
  if (readInstance(dataDir)) return { state: 'pending', preRestoreBackup };
  const outcome = await applyPendingRestore(dataDir, live, now);
  if (!outcome) return { state: 'refused', reason: 'the restore marker could not be read back' };
  return { state: 'done', preRestoreBackup, outcome };
}
