import { z } from 'zod';
import { id } from './common';

/** One checked step of a mailbox connection test. */
export const connectionStep = z.object({
  server: z.enum(['smtp', 'imap']),
  step: z.enum(['dns', 'tcp', 'tls', 'auth', 'folders']),
  status: z.enum(['ok', 'failed', 'skipped']),
  /** What was found, or what failed and why (the server's own words when it gave any). */
  message: z.string(),
  ms: z.number().int().nonnegative(),
});

/** A step's result. */
export type ConnectionStep = z.infer<typeof connectionStep>;

/** The report of a connection test: every step of SMTP then IMAP, in order. */
export const connectionTestReport = z.object({ ok: z.boolean(), steps: z.array(connectionStep) });

/** A connection test's report. */
export type ConnectionTestReport = z.infer<typeof connectionTestReport>;

/**
 * What to test: a saved profile (`profileId`), optionally with unsaved settings and credentials from the form laid
 * over it (settings replace its own; a credential field given replaces that field), or an unsaved profile of a
 * mailbox type (`typeCode`, settings over the type's defaults).
 */
export const connectionTestInput = z
  .strictObject({
    profileId: id.optional(),
    typeCode: z.string().trim().min(1).max(100).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
    credentials: z.record(z.string(), z.string().max(4096)).optional(),
  })
  .refine((input) => (input.profileId === undefined) !== (input.typeCode === undefined), { message: 'give either profileId or typeCode', path: ['profileId'] });
