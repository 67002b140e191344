import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../shared/clock';
import type { BackupReason, BackupSettings } from '../../shared/contract/schemas/backups';
import { backupFolder, readBackupSettings, writeBackupSettings } from './backup-settings-file';
import { listBackups, writeBackup, type BackupFile } from './backup-folder';
import { readRestoreMarker, writeRestoreMarker } from './restore-pending';
import { backupsToPrune, defaultRetention, type RetentionPolicy } from './retention';
import type { IntegrityResult } from './verify-backup';
import { checkFile } from './verify-backup';

/** Raised when a backup id names no listed backup. */
export class BackupNotFoundError extends Error {
  override readonly name = 'BackupNotFoundError';
}

/** Raised when a backup chosen for restore fails its integrity check. */
export class BackupCorruptError extends Error {
  override readonly name = 'BackupCorruptError';
}

/** What `Backups` needs: the live connection, the data folder, the clock and the startup integrity check's result. */
export interface BackupsOptions {
  readonly dataDir: string;
  readonly sqlite: Database;
  readonly clock: Clock;
  readonly integrity: IntegrityResult;
  readonly retention?: RetentionPolicy;
}

/** The database's backups: taking them one at a time, listing, pruning, settings and restore requests. */
export class Backups {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: BackupsOptions) {}

  /** The startup integrity check's result; when not ok, writes are refused until a restore. */
  get integrity(): IntegrityResult {
    return this.o.integrity;
  }

  /** The stored settings. */
  settings(): BackupSettings {
    return readBackupSettings(this.o.dataDir);
  }

  /** Changes the settings and returns them; a folder that cannot be created is refused. */
  updateSettings(patch: Partial<BackupSettings>): BackupSettings {
    const next = { ...this.settings(), ...patch };
    if (next.folder) mkdirSync(next.folder, { recursive: true, mode: 0o700 });
    writeBackupSettings(this.o.dataDir, next);
    return next;
  }

  /** The folder backups go to. */
  folder(): string {
    return backupFolder(this.o.dataDir, this.settings());
  }

  /** Verified backups, newest first. */
  list(): BackupFile[] {
    return listBackups(this.folder());
  }

  /** The id of the backup a pending restore will bring back, if any. */
  restorePending(): string | null {
    const marker = readRestoreMarker(this.o.dataDir);
    return marker ? (marker.backup.split(/[\\/]/).pop() ?? null) : null;
  }

  /** Takes a verified online backup; backups run one at a time. */
  create(reason: BackupReason): Promise<BackupFile> {
    const run = this.queue.then(() => writeBackup(this.o.sqlite, this.folder(), this.o.clock.now(), reason));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Deletes backups retention no longer keeps (never the one a pending restore needs); returns their ids. */
  prune(): string[] {
    const all = this.list();
    const pending = this.restorePending();
    const doomed = backupsToPrune(all, this.o.clock.now(), this.o.retention ?? defaultRetention).filter((id) => id !== pending);
    for (const id of doomed) rmSync(join(this.folder(), id), { force: true });
    return doomed;
  }

  /** Verifies a listed backup, backs up the current file (`pre-restore`), and marks the restore for the next start. */
  async requestRestore(id: string): Promise<{ readonly restorePending: string; readonly preRestoreBackup: string | null }> {
    const chosen = this.list().find((b) => b.id === id);
    if (!chosen) throw new BackupNotFoundError(`id: no backup ${id} in ${this.folder()}`);
    const check = await checkFile(chosen.file);
    if (!check.ok) throw new BackupCorruptError(`id: backup ${id} failed its integrity check (${check.problems.join('; ')}); choose another`);
    // The current file is kept aside at the next start too; this copy is the one listed and restorable (a corrupt file cannot be copied).
    const pre = this.o.integrity.ok ? await this.create('pre-restore') : null;
    writeRestoreMarker(this.o.dataDir, { backup: chosen.file, requestedAt: this.o.clock.now() });
    return { restorePending: chosen.id, preRestoreBackup: pre?.id ?? null };
  }
}
