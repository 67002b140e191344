import type { LeadDetail } from '../../../shared/contract/schemas/lead-detail';
import { fieldLabels } from '../imports/target-labels';
import type { FieldGroup } from './field-groups';

/** Lead fields a person may edit. */
export type LeadFieldKey = 'firstName' | 'middleName' | 'lastName' | 'jobTitle' | 'email' | 'phone' | 'linkedinUrl' | 'facebookUrl' | 'country' | 'location' | 'timezone' | 'pictureUrl';

const field = (key: LeadFieldKey, kind?: 'email' | 'url' | 'tel') => ({ key, label: fieldLabels[key], kind });

/** The lead page's groups of fields, in display order. */
export const leadFieldGroups: readonly FieldGroup<LeadFieldKey>[] = [
  { title: 'Person', fields: [field('firstName'), field('middleName'), field('lastName'), field('jobTitle'), field('pictureUrl', 'url')] },
  { title: 'Contact', fields: [field('email', 'email'), field('phone', 'tel')] },
  { title: 'Social', fields: [field('linkedinUrl', 'url'), field('facebookUrl', 'url')] },
  { title: 'Location', fields: [field('country'), field('location'), field('timezone')] },
];

/** A lead's name for headings: its full name, else its email, else its number. */
export const leadName = (lead: Pick<LeadDetail, 'id' | 'firstName' | 'middleName' | 'lastName' | 'email'>): string =>
  [lead.firstName, lead.middleName, lead.lastName].filter(Boolean).join(' ') || lead.email || `Lead ${lead.id}`;
