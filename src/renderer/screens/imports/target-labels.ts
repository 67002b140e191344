import { companyTargets, leadTargets } from '../../../shared/import/import-targets';

type CompanyField = (typeof companyTargets)[number] extends `company.${infer F}` ? F : never;

const fieldLabels: Record<(typeof leadTargets)[number] | CompanyField, string> = {
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  fullName: 'Full name',
  jobTitle: 'Job title',
  email: 'Email',
  phone: 'Phone',
  linkedinUrl: 'LinkedIn URL',
  facebookUrl: 'Facebook URL',
  country: 'Country',
  location: 'Location',
  timezone: 'Time zone',
  pictureUrl: 'Picture URL',
  name: 'Name',
  domain: 'Domain',
  headcount: 'Headcount',
  revenue: 'Revenue',
  industry: 'Industry',
};

/** One choice of a mapping menu. */
export interface TargetOption {
  readonly value: string;
  readonly label: string;
}

/** Where an import column can go, grouped as the mapping menus show them. */
export const targetGroups: readonly { readonly label: string; readonly targets: readonly TargetOption[] }[] = [
  { label: 'Lead', targets: leadTargets.map((target) => ({ value: target, label: fieldLabels[target] })) },
  {
    label: 'Company',
    targets: companyTargets.map((target) => ({ value: target, label: fieldLabels[target.slice('company.'.length) as CompanyField] })),
  },
];

const CUSTOM_PREFIX = 'custom:';

/** The custom field a target names (`custom:seniority` → `seniority`), or undefined for other targets. */
export const customFieldOf = (target: string): string | undefined =>
  target.startsWith(CUSTOM_PREFIX) ? target.slice(CUSTOM_PREFIX.length) : undefined;

const delimiterNames: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** A delimiter as a word ("comma"), or the character itself in quotes when it has no name. */
export const delimiterName = (delimiter: string): string => delimiterNames[delimiter] ?? `“${delimiter}”`;
