import { z } from 'zod';
import { id, isoTime } from './common';
import { leadFilter, leadSort } from './lead-filter';

/** A tag as a list row shows it: a coloured chip. */
export const tagRef = z.object({ id, name: z.string(), color: z.string() });

/** Tag chip. */
export type TagRef = z.infer<typeof tagRef>;

/** A lead as the lists show it. */
export const leadSummary = z.object({
  id,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  email: z.string().nullable(),
  emailVerification: z.string().nullable(),
  phone: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  companyId: id.nullable(),
  companyName: z.string().nullable(),
  country: z.string().nullable(),
  location: z.string().nullable(),
  tags: z.array(tagRef),
  createdAt: isoTime,
  updatedAt: isoTime,
});

/** Lead as shown in lists. */
export type LeadSummary = z.infer<typeof leadSummary>;

/** A whole lead record. */
export const lead = leadSummary.omit({ tags: true }).extend({
  middleName: z.string().nullable(),
  facebookUrl: z.string().nullable(),
  timezone: z.string().nullable(),
  pictureUrl: z.string().nullable(),
});

/** A whole lead. */
export type Lead = z.infer<typeof lead>;

/** An opaque keyset cursor: the previous page's `nextCursor`, only valid with the same sort. */
export const listCursor = z.string().min(1).max(1000);

/** Whether a first page counts every matching row ('exact', the default) or leaves that to the count method ('none', faster). */
export const listTotalChoice = z.enum(['exact', 'none']).optional();

/** A filtered, sorted page of leads; `after` continues from the previous page's `nextCursor`. */
export const leadsListInput = z.strictObject({
  filter: leadFilter.optional(),
  sort: leadSort.default({ field: 'created', direction: 'desc' }),
  limit: z.number().int().min(1).max(500).default(100),
  after: listCursor.optional(),
  total: listTotalChoice,
});

/** Leads list input. */
export type LeadsListInput = z.infer<typeof leadsListInput>;

/** One page; `total` (rows matching the filter) is counted on the first page only (without `after`) unless asked not to, null otherwise. */
export const leadsPage = z.object({
  items: z.array(leadSummary),
  nextCursor: listCursor.nullable(),
  total: z.number().int().nonnegative().nullable(),
});

/** Leads page. */
export type LeadsPage = z.infer<typeof leadsPage>;

/** Which leads to count. */
export const leadsCountInput = z.strictObject({ filter: leadFilter.optional() });

/** How many rows match a filter. */
export const listTotal = z.object({ total: z.number().int().nonnegative() });
