import { z } from 'zod';

const text = (max: number) => z.string().max(max);
const url = z.string().min(1).max(2_000);
const iso = z.iso.datetime({ offset: true });

/** A person read from a page (a search row, a post's author, a profile card); every field optional. */
export const leadDescriptor = z.strictObject({
  fullName: text(300).optional(),
  firstName: text(200).optional(),
  lastName: text(200).optional(),
  headline: text(1_000).optional(),
  jobTitle: text(500).optional(),
  location: text(500).optional(),
  linkedinUrl: url.optional(),
  facebookUrl: url.optional(),
  pictureUrl: url.optional(),
  companyName: text(300).optional(),
});

/** A company read from a page; every field optional. */
export const companyDescriptor = z.strictObject({
  name: text(300).optional(),
  domain: text(300).optional(),
  linkedinUrl: url.optional(),
  facebookUrl: url.optional(),
  industry: text(300).optional(),
  location: text(500).optional(),
});

/** One scraped item, identified by its URL (main normalises and stores it once). */
export const scrapedEvent = z.strictObject({
  url,
  kind: z.enum(['post', 'listing', 'search_row', 'page']),
  title: text(1_000).nullable(),
  text: text(20_000).nullable(),
  publishedAt: iso.nullable(),
  lead: leadDescriptor.nullable(),
  company: companyDescriptor.nullable(),
});

/** Why a scrape stopped. */
export const scrapeStop = z.enum(['event_limit', 'nothing_new', 'max_scrolls', 'end_of_feed']);

/** The output of a performed browser job: the events of one page and where the next page is (paged sources). */
export const scrapeOutput = z.strictObject({
  packVersion: z.string().min(1).max(100),
  events: z.array(scrapedEvent).max(10_000),
  nextPageUrl: url.nullable(),
  stoppedBecause: scrapeStop,
  scrolls: z.number().int().nonnegative(),
});

/** The output of a performed browser outreach (invitation, friend request, message, visit): the evidence read back from the page. */
export const browserActionOutput = z.strictObject({
  packVersion: z.string().min(1).max(100),
  /** What the page showed after the action (e.g. "Pending" on the connect button, the message in the thread). */
  evidence: text(1_000),
  /** The thread or invitation URL, when the site has one. */
  externalRef: url.nullable(),
  /** Set when the effect was already there before we acted (an invitation already pending, already connected). */
  alreadyDone: z.boolean(),
});

/** One message read from a site's conversations. */
export const browserMessage = z.strictObject({
  /** Stable per site: the thread URL plus the message's id or position. */
  externalId: text(500),
  threadUrl: url,
  direction: z.enum(['incoming', 'outgoing']),
  /** The other person's profile URL and name. */
  profileUrl: url,
  name: text(300).nullable(),
  text: text(20_000),
  sentAt: iso.nullable(),
});

/** The output of a browser inbox check: messages newer than the mark, and the new mark. */
export const browserInboxOutput = z.strictObject({
  packVersion: z.string().min(1).max(100),
  messages: z.array(browserMessage).max(5_000),
  mark: z.record(z.string(), z.unknown()),
});

/** One accepted invitation or friend request seen on the connections page. */
export const acceptedConnection = z.strictObject({
  profileUrl: url,
  name: text(300).nullable(),
  acceptedAt: iso.nullable(),
});

/** The output of a browser connection check: connections newer than the mark, and the new mark. */
export const browserConnectionsOutput = z.strictObject({
  packVersion: z.string().min(1).max(100),
  accepted: z.array(acceptedConnection).max(5_000),
  mark: z.record(z.string(), z.unknown()),
});

/** A scraped person. */
export type LeadDescriptor = z.infer<typeof leadDescriptor>;
/** A scraped company. */
export type CompanyDescriptor = z.infer<typeof companyDescriptor>;
/** One scraped item. */
export type ScrapedEvent = z.infer<typeof scrapedEvent>;
/** A browser job's output. */
export type ScrapeOutput = z.infer<typeof scrapeOutput>;
/** A browser outreach's output. */
export type BrowserActionOutput = z.infer<typeof browserActionOutput>;
/** One message from a site's conversations. */
export type BrowserMessage = z.infer<typeof browserMessage>;
/** A browser inbox check's output. */
export type BrowserInboxOutput = z.infer<typeof browserInboxOutput>;
/** A browser connection check's output. */
export type BrowserConnectionsOutput = z.infer<typeof browserConnectionsOutput>;
/** One accepted invitation or friend request. */
export type AcceptedConnection = z.infer<typeof acceptedConnection>;
