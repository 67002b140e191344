import { z } from 'zod';

const count = z.number().int().positive().max(1_000_000);

/**
 * A browser job's params at claim (kind-tables' job payload: url, page, sourceId and the source's params, which
 * hold the source type's defaults; main may add `eventLimit` from `sources.event_limit`, which wins).
 */
export const browserJobParams = z.object({
  url: z.string().min(1).max(2_000),
  page: z.number().int().min(1).default(1),
  eventLimit: count.optional(),
  params: z
    .object({
      eventLimit: count.optional(),
      scrolls: z.number().int().min(0).max(500).optional(),
      scrollDelaySeconds: z.number().min(0).max(600).optional(),
    })
    .default({}),
});

/** A browser outreach's params at claim: whom (a real-site profile URL) and what to send. */
export const browserOutreachParams = z.object({
  outreachId: z.number().int().positive().optional(),
  typeCode: z.enum(['linkedin_connect', 'linkedin_message', 'facebook_friend', 'facebook_message']),
  to: z.string().min(1).max(2_000),
  body: z.string().max(20_000).nullable().optional(),
  leadName: z.string().max(300).nullable().optional(),
});

/** A browser job's params. */
export type BrowserJobParams = z.infer<typeof browserJobParams>;
/** A browser outreach's params. */
export type BrowserOutreachParams = z.infer<typeof browserOutreachParams>;
