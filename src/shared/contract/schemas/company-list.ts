import { z } from 'zod';
import { id, isoTime } from './common';
import { companyFilter, companySort } from './lead-filter';
import { listCursor, listTotalChoice, tagRef } from './leads';

/** A company as the list shows it; `leadCount` counts its live leads. */
export const companySummary = z.object({
  id,
  name: z.string().nullable(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  headcount: z.number().int().nullable(),
  revenue: z.number().int().nullable(),
  country: z.string().nullable(),
  location: z.string().nullable(),
  leadCount: z.number().int().nonnegative(),
  tags: z.array(tagRef),
  createdAt: isoTime,
  updatedAt: isoTime,
});

/** Company as shown in the list. */
export type CompanySummary = z.infer<typeof companySummary>;

/** A filtered, sorted page of companies; same paging as leads. */
export const companiesListInput = z.strictObject({
  filter: companyFilter.optional(),
  sort: companySort.default({ field: 'created', direction: 'desc' }),
  limit: z.number().int().min(1).max(500).default(100),
  after: listCursor.optional(),
  total: listTotalChoice,
});

/** Companies list input. */
export type CompaniesListInput = z.infer<typeof companiesListInput>;

/** One page of companies; `total` only on the first page, unless asked not to. */
export const companiesPage = z.object({
  items: z.array(companySummary),
  nextCursor: listCursor.nullable(),
  total: z.number().int().nonnegative().nullable(),
});

/** Companies page. */
export type CompaniesPage = z.infer<typeof companiesPage>;

/** Which companies to count. */
export const companiesCountInput = z.strictObject({ filter: companyFilter.optional() });
