import type { MethodOutput } from '../../../shared/contract/methods';
import { companyTargets, customTargetOf, leadTargets } from '../../../shared/import/import-targets';

type CompanyField = (typeof companyTargets)[number] extends `company.${infer F}` ? F : never;

/** How lead and company fields are named on screen (company fields without their `company.` prefix). */
export const fieldLabels: Record<(typeof leadTargets)[number] | CompanyField, string> = {
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

/** A titled group of choices in a mapping menu. */
export interface TargetGroup {
  readonly label: string;
  readonly targets: readonly TargetOption[];
}

/** Where an import column can go, grouped as the mapping menus show them. */
export const targetGroups: readonly TargetGroup[] = [
  { label: 'Lead', targets: leadTargets.map((target) => ({ value: target, label: fieldLabels[target] })) },
  {
    label: 'Company',
    targets: companyTargets.map((target) => ({ value: target, label: fieldLabels[target.slice('company.'.length) as CompanyField] })),
  },
];

/** A custom field a column can be mapped to, as the preview lists it. */
export type CustomTargetField = Pick<MethodOutput<'imports.preview'>['customFields'][number], 'kind' | 'name' | 'target'>;

/** The custom fields of leads and of companies as two more groups of the menus (a group without fields is left out). */
export const customTargetGroups = (fields: readonly CustomTargetField[]): readonly TargetGroup[] =>
  (['lead', 'company'] as const)
    .map((kind) => ({
      label: kind === 'lead' ? 'Lead custom fields' : 'Company custom fields',
      targets: fields.filter((f) => f.kind === kind).map((f) => ({ value: f.target, label: f.name })),
    }))
    .filter((group) => group.targets.length > 0);

/** A choice for a target no group lists (a custom field deleted since the preset named it), so the menu can still show it. */
export function unlistedTarget(value: string, groups: readonly TargetGroup[]): TargetOption | undefined {
  if (value === 'ignore' || groups.some((g) => g.targets.some((t) => t.value === value))) return undefined;
  const custom = customTargetOf(value);
  return { value, label: custom ? `Custom field ${custom.fieldId}` : value };
}

const delimiterNames: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** A delimiter as a word ("comma"), or the character itself in quotes when it has no name. */
export const delimiterName = (delimiter: string): string => delimiterNames[delimiter] ?? `“${delimiter}”`;
