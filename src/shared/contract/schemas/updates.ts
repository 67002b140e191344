import { z } from 'zod';
import { isoTime } from './common';

/** Which releases the desktop follows: stable only, or betas too. */
export const updateChannel = z.enum(['stable', 'beta']);

/** An update channel. */
export type UpdateChannel = z.infer<typeof updateChannel>;

/** Where the updater is; `unsupported` in the browser edition, which updates with its sources. */
export const updateStatus = z.enum(['unsupported', 'idle', 'checking', 'available', 'downloading', 'downloaded', 'installing', 'error']);

/** An update status. */
export type UpdateStatus = z.infer<typeof updateStatus>;

/** How far a download has come. */
export const updateProgress = z.object({
  percent: z.number().min(0).max(100),
  transferred: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  bytesPerSecond: z.number().nonnegative(),
});

/** The updater as the dashboard shows it: status, versions, progress and a sentence for the operator. */
export const updateState = z.object({
  status: updateStatus,
  currentVersion: z.string(),
  channel: updateChannel,
  /** The newer version found (available, downloading, downloaded, installing). */
  version: z.string().nullable(),
  progress: updateProgress.nullable(),
  lastCheckedAt: isoTime.nullable(),
  nextCheckAt: isoTime.nullable(),
  /** Why it is unsupported, what failed, or that the feed was unreachable (offline never blocks anything). */
  message: z.string().nullable(),
});

/** The updater's state. */
export type UpdateState = z.infer<typeof updateState>;
