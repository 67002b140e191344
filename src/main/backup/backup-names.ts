import { backupId, backupReason, type BackupReason } from '../../shared/contract/schemas/backups';

/** A backup file's name for a time and a reason: `outpost-20261123T090000000Z-scheduled.sqlite` (sorts by time). */
export function backupFileName(at: number, reason: BackupReason): string {
  const compact = new Date(at).toISOString().replace(/[-:.]/g, '');
  return `outpost-${compact}-${reason}.sqlite`;
}

/** The time and reason a backup file's name carries, or null for any other file. */
export function parseBackupName(name: string): { readonly at: number; readonly reason: BackupReason } | null {
  if (!backupId.safeParse(name).success) return null;
  const m = /^outpost-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([a-z-]+)\.sqlite$/.exec(name);
  const reason = backupReason.safeParse(m?.[8]);
  if (!m || !reason.success) return null;
  const [y, mo, d, h, mi, sec, ms] = m.slice(1, 8).map(Number) as [number, number, number, number, number, number, number];
  const at = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  // Date.UTC rolls over out-of-range parts (month 13); a name whose time does not round-trip is not ours.
  if (backupFileName(at, reason.data) !== name) return null;
  return { at, reason: reason.data };
}
