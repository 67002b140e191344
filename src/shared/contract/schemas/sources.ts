import { z } from 'zod';
import { id, isoTime } from './common';

const seconds = (max: number) => z.number().int().min(0).max(max);

/** How a browser scrape moves through a page: scrolls per page and the human-like pauses, in seconds. */
export const scrapeParams = z.strictObject({
  scrolls: z.number().int().min(0).max(200).optional(),
  scrollDelaySeconds: seconds(600).optional(),
  pageDelaySeconds: seconds(3_600).optional(),
});

/** A kind of source from the catalogue, with the URL pattern its URLs must match and its defaults. */
export const sourceType = z.object({
  code: z.string(),
  name: z.string(),
  /** JavaScript RegExp source the URL must match (the site pack's pattern when the site has a pack). */
  urlPattern: z.string(),
  paged: z.boolean(),
  profileTypes: z.array(z.string()),
  defaults: z.object({ cadenceSeconds: z.number().int(), maxJobs: z.number().int(), eventLimit: z.number().int() }).extend(scrapeParams.shape),
  /** The site pack whose patterns and selectors this type uses, and its version. */
  pack: z.object({ site: z.string(), version: z.string() }).nullable(),
});

/** One URL a source scrapes, with when it runs next. */
export const sourceUrl = z.object({ id, url: z.string(), active: z.boolean(), nextRunAt: isoTime, lastRunAt: isoTime.nullable() });

/** A source: URLs of one type scraped on a cadence, within limits, tagging the leads it finds. */
export const source = z.object({
  id,
  name: z.string(),
  typeCode: z.string(),
  active: z.boolean(),
  profileId: id.nullable(),
  cadenceSeconds: z.number().int(),
  maxJobs: z.number().int().nullable(),
  eventLimit: z.number().int().nullable(),
  params: scrapeParams,
  tag: z.object({ id, name: z.string(), color: z.string() }).nullable(),
  urls: z.array(sourceUrl),
  jobs: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  lastJobAt: isoTime.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

const name = z.string().trim().min(1).max(200);
/** URLs one per line as the editor sends them; each is checked against the type's pattern, errors name the line. */
const urls = z.array(z.string().max(2_000)).min(1).max(500);

/** A new source; limits and params default to the source type's. */
export const sourceCreate = z.strictObject({
  name,
  typeCode: z.string().trim().min(1).max(100),
  urls,
  active: z.boolean().default(true),
  profileId: id.nullable().default(null),
  cadenceSeconds: z.number().int().min(300).max(90 * 86_400).optional(),
  maxJobs: z.number().int().min(1).max(1_000).optional(),
  eventLimit: z.number().int().min(1).max(10_000).optional(),
  params: scrapeParams.default({}),
  tagId: id.nullable().default(null),
});

/** Changes to a source: fields not given keep their value; `urls` given replaces the list (kept URLs keep their schedule). */
export const sourceUpdate = z.strictObject({
  id,
  name: name.optional(),
  urls: urls.optional(),
  active: z.boolean().optional(),
  profileId: id.nullable().optional(),
  cadenceSeconds: z.number().int().min(300).max(90 * 86_400).optional(),
  maxJobs: z.number().int().min(1).max(1_000).optional(),
  eventLimit: z.number().int().min(1).max(10_000).optional(),
  params: scrapeParams.optional(),
  tagId: id.nullable().optional(),
});

/** A scrape job's status. */
export const jobStatus = z.enum(['pending', 'running', 'performed', 'failed', 'aborted', 'canceled']);

/** A failure's screenshot and HTML, as links to the snapshot download route. */
export const snapshotLinks = z.object({ screenshot: z.string().nullable(), html: z.string().nullable() });

/** One scrape job (one page of one source URL). */
export const job = z.object({
  id,
  sourceId: id,
  sourceName: z.string(),
  parentJobId: id.nullable(),
  page: z.number().int(),
  url: z.string(),
  profileId: id.nullable(),
  status: jobStatus,
  attempts: z.number().int(),
  errorKind: z.enum(['transient', 'permanent', 'policy']).nullable(),
  errorText: z.string().nullable(),
  snapshot: snapshotLinks.nullable(),
  eventsSeen: z.number().int(),
  eventsNew: z.number().int(),
  leadsNew: z.number().int(),
  companiesNew: z.number().int(),
  dueAt: isoTime,
  startedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
  createdAt: isoTime,
});

/** An event a job found, with the lead or company it became. */
export const jobEvent = z.object({
  id,
  url: z.string(),
  kind: z.enum(['post', 'listing', 'search_row', 'page']),
  title: z.string().nullable(),
  text: z.string().nullable(),
  publishedAt: isoTime.nullable(),
  leadId: id.nullable(),
  companyId: id.nullable(),
  /** True when this job found it first. */
  isNew: z.boolean(),
});

/** One job with the events it saw. */
export const jobDetail = job.extend({ events: z.array(jobEvent) });

/** Filters of the jobs list, newest first, keyset-paged by id. */
export const jobsListInput = z.strictObject({
  sourceId: id.optional(),
  profileId: id.optional(),
  status: jobStatus.optional(),
  beforeId: id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/** A source. */
export type Source = z.infer<typeof source>;
/** A source type. */
export type SourceType = z.infer<typeof sourceType>;
/** Scrape parameters. */
export type ScrapeParams = z.infer<typeof scrapeParams>;
/** A job. */
export type Job = z.infer<typeof job>;
/** A job with its events. */
export type JobDetail = z.infer<typeof jobDetail>;

/** A source was added, edited or deleted. */
export const sourcesChangedEvent = z.object({ sourceId: id, reason: z.enum(['created', 'updated', 'deleted']) });

/** A job finished (or found events): the Jobs screen refreshes. */
export const jobsChangedEvent = z.object({ jobId: id, sourceId: id, status: jobStatus });
