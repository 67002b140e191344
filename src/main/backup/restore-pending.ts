import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupFileName } from './backup-names';
import { checkFile } from './verify-backup';

/** A restore waiting for the next start: the backup file to bring back. */
export interface RestoreMarker {
  readonly backup: string;
  readonly requestedAt: number;
}

/** What applying a pending restore did. */
export type RestoreOutcome =
  | { readonly applied: true; readonly backup: string; readonly keptAside: string | null }
  | { readonly applied: false; readonly backup: string; readonly reason: string };

const markerFile = (dataDir: string): string => join(dataDir, 'restore-pending.json');

/** Records that `backup` is to replace the database at the next start (the store cannot be swapped under running loops). */
export function writeRestoreMarker(dataDir: string, marker: RestoreMarker): void {
  writeFileSync(markerFile(dataDir), `${JSON.stringify(marker)}\n`, { mode: 0o600 });
}

/** The pending restore, if any. */
export function readRestoreMarker(dataDir: string): RestoreMarker | null {
  const file = markerFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<RestoreMarker>;
    return typeof raw.backup === 'string' && typeof raw.requestedAt === 'number' ? { backup: raw.backup, requestedAt: raw.requestedAt } : null;
  } catch {
    return null;
  }
}

/**
 * Before the store opens: verifies the pending backup again, moves the current file (with its -wal and -shm) to
 * `<data>/restore-aside/`, and copies the backup in its place. A backup that fails verification is not applied.
 */
export async function applyPendingRestore(dataDir: string, databaseFile: string, now: number): Promise<RestoreOutcome | null> {
  const marker = readRestoreMarker(dataDir);
  if (!marker) return null;
  rmSync(markerFile(dataDir));
  const check = await checkFile(marker.backup);
  if (!check.ok) return { applied: false, backup: marker.backup, reason: `the backup failed its integrity check: ${check.problems.join('; ')}` };
  let keptAside: string | null = null;
  if (existsSync(databaseFile)) {
    const asideDir = join(dataDir, 'restore-aside');
    mkdirSync(asideDir, { recursive: true, mode: 0o700 });
    keptAside = join(asideDir, backupFileName(now, 'pre-restore').replace('.sqlite', `-${basename(databaseFile)}`));
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(databaseFile + suffix)) renameSync(databaseFile + suffix, keptAside + suffix);
    }
  }
  copyFileSync(marker.backup, databaseFile);
  return { applied: true, backup: marker.backup, keptAside };
}
