import type { FieldGroup } from '../lead-detail/field-groups';
import { fieldLabels } from '../imports/target-labels';

/** Company fields a person may edit. */
export type CompanyFieldKey =
  | 'name'
  | 'domain'
  | 'industry'
  | 'headcount'
  | 'revenue'
  | 'email'
  | 'phone'
  | 'linkedinUrl'
  | 'facebookUrl'
  | 'country'
  | 'location'
  | 'timezone';

const field = (key: CompanyFieldKey, kind?: 'email' | 'url' | 'tel' | 'count') => ({ key, label: fieldLabels[key], kind });

/** The company page's groups of fields, in display order. */
export const companyFieldGroups: readonly FieldGroup<CompanyFieldKey>[] = [
  { title: 'Company', fields: [field('name'), field('domain'), field('industry'), field('headcount', 'count'), field('revenue', 'count')] },
  { title: 'Contact', fields: [field('email', 'email'), field('phone', 'tel')] },
  { title: 'Social', fields: [field('linkedinUrl', 'url'), field('facebookUrl', 'url')] },
  { title: 'Location', fields: [field('country'), field('location'), field('timezone')] },
];

/** A company's name for headings: its name, else its domain, else its number. */
export const companyName = (company: { readonly id: number; readonly name: string | null; readonly domain: string | null }): string =>
  company.name || company.domain || `Company ${company.id}`;
