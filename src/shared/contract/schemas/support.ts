import { z } from 'zod';
import { isoTime } from './common';

/** A support bundle just written: where to download it and what it holds. */
export const supportBundle = z.object({
  fileName: z.string(),
  /** Where the zip is saved on this machine (`<data>/exports/`), for the desktop where links do not download. */
  path: z.string(),
  /** Path below the API origin that downloads the zip (same authentication as the API). */
  downloadPath: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  createdAt: isoTime,
  /** Files inside the zip (logs, versions, migrations, table counts, settings, profiles, monitoring, metrics). */
  entries: z.array(z.string()),
  /** Folder of the log files, for the operator to open. */
  logFolder: z.string(),
});

/** Support bundle. */
export type SupportBundle = z.infer<typeof supportBundle>;
