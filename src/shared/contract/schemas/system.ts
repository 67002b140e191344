import { z } from 'zod';
import { isoTime } from './common';

/** Which shell runs the core: the Electron desktop or the browser edition under plain Node. */
export const edition = z.enum(['desktop', 'browser']);

/** Liveness probe answer; carries no operator data so it can be public. */
export const health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  schemaVersion: z.number().int(),
  uptimeSeconds: z.number().nonnegative(),
});

/** What is running and where its data lives. */
export const systemInfo = z.object({
  edition,
  version: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  startedAt: isoTime,
  counts: z.object({ leads: z.number().int(), companies: z.number().int() }),
  /** How credentials are sealed at rest, and a warning when that protection is weak (Linux without a keyring). */
  secretStorage: z.object({ scheme: z.string(), warning: z.string().nullable() }),
});
