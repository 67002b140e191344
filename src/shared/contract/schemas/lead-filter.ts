import { z } from 'zod';
import { id, isoTime } from './common';

/** any = do not filter; yes = must have a value; no = must be empty. */
export const presence = z.enum(['any', 'yes', 'no']);

/** Email verification outcomes a filter can ask for; `unverified` = never checked. */
export const verificationChoice = z.enum(['valid', 'invalid', 'risky', 'catch_all', 'disposable', 'unknown', 'unverified']);

const words = z.array(z.string().trim().min(1).max(100)).max(50);
const count = z.number().int().nonnegative();

// Fields leads and companies filter alike. Ranges and time ranges include both ends; a record (or a lead's company)
// lacking the value fails any bound.
const recordFilterFields = {
  search: z.string().trim().max(200).optional(),
  tagsInclude: z.array(id).max(50).optional(),
  tagsExclude: z.array(id).max(50).optional(),
  hasPhone: presence.optional(),
  hasLinkedin: presence.optional(),
  hasFacebook: presence.optional(),
  /** Exact country names or codes as stored, case-insensitive. */
  countries: words.optional(),
  /** Keywords any of which the location contains. */
  locationKeywords: words.optional(),
  /** Exact industry names, case-insensitive. */
  industries: words.optional(),
  headcountMin: count.optional(),
  headcountMax: count.optional(),
  revenueMin: count.optional(),
  revenueMax: count.optional(),
  createdFrom: isoTime.optional(),
  createdTo: isoTime.optional(),
};

/**
 * Which leads to show or act on. Inside a list the values are OR-ed, across fields AND-ed; excludes veto.
 * Company fields (industry, headcount, revenue) apply to the lead's company. `search` is full-text over names,
 * emails, titles and company names: every word must match (accents and case ignored), the last one as a prefix;
 * quotes and operators are plain text.
 */
export const leadFilter = z.strictObject({
  ...recordFilterFields,
  hasEmail: presence.optional(),
  verification: z.array(verificationChoice).max(7).optional(),
  /** Keywords any of which the job title/headline contains; excludes veto. */
  titleInclude: words.optional(),
  titleExclude: words.optional(),
  updatedFrom: isoTime.optional(),
  updatedTo: isoTime.optional(),
  /** Leads this import inserted or merged. */
  importId: id.optional(),
  companyId: id.optional(),
});

/** A lead filter as a caller writes it. */
export type LeadFilter = z.infer<typeof leadFilter>;

/** Columns a lead list can be sorted by; ties break on id. */
export const leadSortField = z.enum(['created', 'updated', 'lastName', 'firstName', 'email', 'company', 'jobTitle', 'country']);

/** A sort: a field and a direction. */
export const leadSort = z.strictObject({ field: leadSortField, direction: z.enum(['asc', 'desc']) });

/** Lead sort. */
export type LeadSort = z.infer<typeof leadSort>;

/** Which companies to show: the same conventions as the lead filter; `search` covers name, domain and industry. */
export const companyFilter = z.strictObject({
  ...recordFilterFields,
  hasDomain: presence.optional(),
});

/** A company filter. */
export type CompanyFilter = z.infer<typeof companyFilter>;

/** Columns a company list can be sorted by; ties break on id. */
export const companySort = z.strictObject({
  field: z.enum(['created', 'updated', 'name', 'domain', 'headcount', 'revenue', 'industry', 'country']),
  direction: z.enum(['asc', 'desc']),
});

/** Company sort. */
export type CompanySort = z.infer<typeof companySort>;
