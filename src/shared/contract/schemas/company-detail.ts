import { z } from 'zod';
import { id, isoTime } from './common';
import { customFieldValue, customValuesPatch } from './custom-fields';
import { historyEntry, provenanceEntry } from './provenance';
import { appliedTag } from './tags';

/** A whole company record. */
export const companyRecord = z.object({
  id,
  name: z.string().nullable(),
  domain: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  facebookUrl: z.string().nullable(),
  headcount: z.number().int().nullable(),
  revenue: z.number().int().nullable(),
  industry: z.string().nullable(),
  country: z.string().nullable(),
  location: z.string().nullable(),
  timezone: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

/** A lead as the company page lists it. */
export const companyLead = z.object({ id, firstName: z.string().nullable(), lastName: z.string().nullable(), jobTitle: z.string().nullable(), email: z.string().nullable() });

/** Everything the company page shows; `leads` are its first 20 live leads, newest first, of `leadCount`. */
export const companyDetail = companyRecord.extend({
  leadCount: z.number().int().nonnegative(),
  leads: z.array(companyLead),
  tags: z.array(appliedTag),
  customValues: z.array(customFieldValue),
  provenance: z.record(z.string(), provenanceEntry),
  history: z.array(historyEntry),
});

/** Company page data. */
export type CompanyDetail = z.infer<typeof companyDetail>;

const editable = z.string().max(2000).nullable().optional();
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable().optional();

/** A manual edit of a company: only the fields given change; a blank string or null clears a field. */
export const companyUpdateInput = z.strictObject({
  id,
  name: editable,
  domain: editable,
  email: editable,
  phone: editable,
  linkedinUrl: editable,
  facebookUrl: editable,
  headcount: count,
  revenue: count,
  industry: editable,
  country: editable,
  location: editable,
  timezone: editable,
  custom: customValuesPatch.optional(),
});

/** Company edit. */
export type CompanyUpdateInput = z.infer<typeof companyUpdateInput>;
