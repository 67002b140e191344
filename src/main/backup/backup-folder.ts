import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BackupReason } from '../../shared/contract/schemas/backups';
import { backupFileName, parseBackupName } from './backup-names';
import { checkFile, copyAndCheck, type IntegrityResult } from './verify-backup';

/** A verified backup file in the folder. */
export interface BackupFile {
  readonly id: string;
  readonly file: string;
  readonly reason: BackupReason;
  readonly at: number;
  readonly bytes: number;
}

/** Raised when a written backup fails its integrity check (the file is deleted). */
export class BackupVerifyError extends Error {
  override readonly name = 'BackupVerifyError';
}

/** The verified backups in a folder, newest first (a `.partial` file still being written or verified is not one). */
export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: BackupFile[] = [];
  for (const id of names) {
    const parsed = parseBackupName(id);
    if (!parsed) continue;
    const file = join(folder, id);
    found.push({ id, file, ...parsed, bytes: statSync(file).size });
  }
  return found.sort((a, b) => b.at - a.at || b.id.localeCompare(a.id));
}

/** Online backup of the live file, copied and verified in a worker thread (see `copyAndCheck`), so neither writers nor the event loop wait; listed only once verified. */
export async function writeBackup(sqlite: Database, folder: string, at: number, reason: BackupReason): Promise<BackupFile> {
  const target = prepareTarget(folder, at, reason);
  return finish(target, at, reason, await copyAndCheck(sqlite.name, target.partial));
}

/** Backup with `VACUUM INTO` for the moment before migrations: the copy is made before this returns, its verification settles the promise. */
export function writeBackupNow(sqlite: Database, folder: string, at: number, reason: BackupReason): Promise<BackupFile> {
  const target = prepareTarget(folder, at, reason);
  sqlite.prepare('VACUUM INTO ?').run(target.partial);
  return checkFile(target.partial).then((check) => finish(target, at, reason, check));
}

interface Target {
  readonly id: string;
  readonly file: string;
  readonly partial: string;
}

function prepareTarget(folder: string, at: number, reason: BackupReason): Target {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const id = backupFileName(at, reason);
  const file = join(folder, id);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  return { id, file, partial };
}

function finish(target: Target, at: number, reason: BackupReason, check: IntegrityResult): BackupFile {
  if (!check.ok) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(target.partial + suffix, { force: true });
    throw new BackupVerifyError(`backup ${target.id} failed its integrity check and was deleted: ${check.problems.join('; ')}`);
  }
  renameSync(target.partial, target.file);
  return { id: target.id, file: target.file, reason, at, bytes: statSync(target.file).size };
}
