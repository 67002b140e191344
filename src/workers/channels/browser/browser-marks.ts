import { z } from 'zod';

/** Where a browser inbox check got to: per thread (real URL) the list stamp and the last message id read. */
export const inboxMark = z.object({
  threads: z.record(z.string(), z.strictObject({ stamp: z.string().nullable(), lastId: z.string().nullable() })).default({}),
});

/** Where a browser connection check got to: the profile URLs at the top of the connections list last time. */
export const connectionsMark = z.object({ recent: z.array(z.string()).max(10_000).default([]) });

/** A browser inbox mark. */
export type InboxMark = z.infer<typeof inboxMark>;

/** Reads a mark from check params (JSON text or object); an unreadable or absent mark starts afresh. */
export function readMark<T>(schema: z.ZodType<T>, raw: unknown): T {
  let value: unknown = raw ?? {};
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      value = {};
    }
  }
  const parsed = schema.safeParse(value ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}
