import { z } from 'zod';
import { leadDescriptor, companyDescriptor } from './browser-outputs';

const compiles = (source: string) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};
const regexSource = z.string().min(1).max(1_000).refine(compiles, 'not a valid regular expression');
const selector = z.string().min(1).max(1_000);
const path = z.string().regex(/^\/[^\s]*$/, 'a path starting with /').max(1_000);
const range = z.tuple([z.number().int().min(0).max(600_000), z.number().int().min(0).max(600_000)]).refine(([a, b]) => a <= b, 'min above max');

/** How to read one value from an element: a descendant (or the element itself), an attribute (or the text), an optional capture. */
export const fieldSpec = z.strictObject({
  selector: selector.optional(),
  attr: z.string().min(1).max(100).optional(),
  /** Keeps the first capture group (or the whole match) of this expression; no match = no value. */
  pattern: regexSource.optional(),
});

/** Signs that a page is of one kind (login wall, captcha...): any URL path match, selector present or text in the title/headline. */
export const detectionRule = z.strictObject({
  /** Expressions matched against the page's path and query. */
  urlPatterns: z.array(regexSource).max(50).default([]),
  selectors: z.array(selector).max(50).default([]),
  /** Case-insensitive texts looked for in the title and the first heading. */
  texts: z.array(z.string().min(1).max(300)).max(50).default([]),
});

/** One source type's scraping recipe; keyed by the source_type code. */
export const sourceSpec = z.strictObject({
  /** The catalogue's url_pattern (JavaScript RegExp source, matched against the real-site URL). */
  urlPattern: regexSource,
  paged: z.boolean(),
  eventKind: z.enum(['post', 'listing', 'search_row', 'page']),
  /** One scraped event per element. */
  item: selector,
  fields: z.strictObject({
    url: fieldSpec,
    title: fieldSpec.optional(),
    text: fieldSpec.optional(),
    /** Read as a date (an ISO datetime attribute); unreadable = null. */
    publishedAt: fieldSpec.optional(),
    lead: z.partialRecord(leadDescriptor.keyof(), fieldSpec).default({}),
    company: z.partialRecord(companyDescriptor.keyof(), fieldSpec).default({}),
  }),
  /** The next page of a paged source: its link (href), or the query parameter to increase when the control has no href. */
  nextPage: z.strictObject({ selector, pageParam: z.string().min(1).max(50).optional() }).optional(),
  /** Present when the feed says it has nothing more. */
  endOfFeed: selector.optional(),
});

/** A site pack: everything site-specific the browser worker needs, versioned and validated at load. */
export const sitePack = z.strictObject({
  version: z.string().min(1).max(100),
  site: z.enum(['linkedin', 'facebook']),
  /** The real site's origin; page URLs read in the browser are reported on it. */
  origin: z.url({ protocol: /^https?$/ }),
  urls: z.strictObject({ login: path, messaging: path, sentInvitations: path, connections: path }),
  detect: z.strictObject({ loginWall: detectionRule, captcha: detectionRule, warning: detectionRule, rateLimit: detectionRule }),
  sources: z.record(z.string().min(1).max(100), sourceSpec),
  profile: z.strictObject({
    name: fieldSpec,
    /** The connect / add-friend control (or, with moreMenu, the menu entry). */
    connect: selector,
    moreMenu: selector.optional(),
    addNote: selector.optional(),
    noteInput: selector.optional(),
    /** The dialog's send control; absent when the connect control sends at once. */
    sendInvite: selector.optional(),
    sendWithoutNote: selector.optional(),
    /** Shown once an invitation is pending. */
    pending: selector,
    /** Shown when already connected / friends. */
    connected: selector,
    message: selector,
  }),
  messaging: z.strictObject({
    input: selector,
    send: selector,
    /** One message in an open thread. */
    message: selector,
    messageId: fieldSpec,
    messageText: fieldSpec,
    messageTime: fieldSpec.optional(),
    /** Matches a message element when we sent it. */
    outgoing: selector,
    /** The other person's link in an open thread. */
    threadProfile: fieldSpec,
    threadName: fieldSpec,
    /** One row of the conversation list. */
    conversation: selector,
    conversationLink: fieldSpec,
    /** Changes whenever the thread has a new message (a time, a preview). */
    conversationStamp: fieldSpec,
  }),
  invitations: z.strictObject({ row: selector, profileUrl: fieldSpec }),
  connections: z.strictObject({ row: selector, profileUrl: fieldSpec, name: fieldSpec, acceptedAt: fieldSpec.optional() }),
  scroll: z.strictObject({
    stepPx: z.number().int().min(50).max(20_000),
    jitterPx: z.number().int().min(0).max(10_000),
    /** Ceiling on scrolls per page, whatever the source asks. */
    maxScrolls: z.number().int().min(0).max(500),
    /** How long to wait for new items after a scroll before counting the round as idle (not a human delay: not scaled). */
    settleMs: z.number().int().min(0).max(30_000),
    /** Idle rounds in a row that end the scrape as "nothing new". */
    idleRounds: z.number().int().min(1).max(20),
  }),
  /** Human-like gaps in ms, [min, max]; multiplied by the profile's delayScale. */
  delays: z.strictObject({ action: range, typing: range, page: range, scroll: range }),
  limits: z.strictObject({ maxThreads: z.number().int().min(1).max(500), maxConnections: z.number().int().min(1).max(5_000) }),
});

/** A parsed site pack. */
export type SitePack = z.infer<typeof sitePack>;
/** One source recipe. */
export type SourceSpec = z.infer<typeof sourceSpec>;
/** One field reader. */
export type FieldSpec = z.infer<typeof fieldSpec>;
/** One page-kind detection rule. */
export type DetectionRule = z.infer<typeof detectionRule>;

/** Validates a pack's JSON; a bad pack fails with the JSON path of the first problems named. */
export function parseSitePack(raw: unknown, source: string): SitePack {
  const parsed = sitePack.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`);
  throw new Error(`site pack ${source}: ${problems.join('; ')}`);
}
