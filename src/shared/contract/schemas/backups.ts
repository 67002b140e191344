import { z } from 'zod';
import { isoTime } from './common';

/** Why a backup was taken; retention keeps each reason by its own rule. */
export const backupReason = z.enum(['scheduled', 'manual', 'pre-migration', 'pre-update', 'pre-restore']);

/** A backup reason. */
export type BackupReason = z.infer<typeof backupReason>;

/** A backup's id: its file name in the backup folder (no path), as `outpost-<time>-<reason>.sqlite`. */
export const backupId = z
  .string()
  .max(120)
  .regex(/^outpost-\d{8}T\d{9}Z-[a-z-]+\.sqlite$/, 'expected a backup id as listed by backups.list');

/** One verified backup in the folder. */
export const backupEntry = z.object({
  id: backupId,
  reason: backupReason,
  createdAt: isoTime,
  bytes: z.number().int().nonnegative(),
});

/** The backup folder's content, newest first, and the database's health. */
export const backupList = z.object({
  folder: z.string(),
  backups: z.array(backupEntry),
  /** False when the startup integrity check failed: writes are refused until a backup is restored. */
  databaseOk: z.boolean(),
  /** What the startup integrity check reported when it failed. */
  problems: z.array(z.string()),
  /** A restore is waiting for the next start. */
  restorePending: backupId.nullable(),
});

/** Where backups go and how often the scheduled one runs. */
export const backupSettings = z.object({
  /** Absolute folder; null means `<data>/backups`. */
  folder: z.string().nullable(),
  intervalMinutes: z.number().int().min(5).max(10_080),
});

/** Backup settings as stored. */
export type BackupSettings = z.infer<typeof backupSettings>;

/** A change to backup settings; fields not given keep their value. */
export const backupSettingsPatch = z.strictObject({
  folder: z
    .string()
    .max(1000)
    .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'expected an absolute folder path')
    .nullable()
    .optional(),
  intervalMinutes: backupSettings.shape.intervalMinutes.optional(),
});

/** Backup settings with the folder actually used. */
export const backupSettingsView = backupSettings.extend({ effectiveFolder: z.string() });

/** Asks for a restore from one listed backup. */
export const restoreInput = z.strictObject({ id: backupId });

/** What a restore request did: it takes effect at the next start. */
export const restoreResult = z.object({
  restorePending: backupId,
  /** Null when the current file is corrupt and could not be backed up (it is still kept aside). */
  preRestoreBackup: backupId.nullable(),
  message: z.string(),
});
