import { z } from 'zod';
import { id, isoTime } from './common';

/** A lead as the lists show it. */
export const leadSummary = z.object({
  id,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  email: z.string().nullable(),
  companyId: id.nullable(),
  companyName: z.string().nullable(),
  country: z.string().nullable(),
  createdAt: isoTime,
});

/** Lead as shown in lists. */
export type LeadSummary = z.infer<typeof leadSummary>;

/** A whole lead record. */
export const lead = leadSummary.extend({
  middleName: z.string().nullable(),
  phone: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  facebookUrl: z.string().nullable(),
  location: z.string().nullable(),
  timezone: z.string().nullable(),
  pictureUrl: z.string().nullable(),
  emailVerification: z.string().nullable(),
  updatedAt: isoTime,
});

/** A whole lead. */
export type Lead = z.infer<typeof lead>;

/** Keyset paging over leads, newest first: pass the previous page's `nextCursor` as `after`. */
export const leadsListInput = z.strictObject({
  limit: z.number().int().min(1).max(500).default(50),
  after: id.optional(),
});

/** One page of leads with the total count. */
export const leadsPage = z.object({
  items: z.array(leadSummary),
  nextCursor: id.nullable(),
  total: z.number().int().nonnegative(),
});

/** Leads page. */
export type LeadsPage = z.infer<typeof leadsPage>;
