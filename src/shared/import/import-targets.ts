/** Lead fields an import column can fill. */
export const leadTargets = [
  'firstName',
  'middleName',
  'lastName',
  'fullName',
  'jobTitle',
  'email',
  'phone',
  'linkedinUrl',
  'facebookUrl',
  'country',
  'location',
  'timezone',
  'pictureUrl',
] as const;

/** Company fields an import column can fill (stored on the lead's company). */
export const companyTargets = [
  'company.name',
  'company.domain',
  'company.email',
  'company.phone',
  'company.linkedinUrl',
  'company.facebookUrl',
  'company.headcount',
  'company.revenue',
  'company.industry',
  'company.country',
  'company.location',
] as const;

/** Where one column of an import goes: a lead field, a company field, a custom field (`custom:<name>`), or nowhere. */
export type ImportTarget = (typeof leadTargets)[number] | (typeof companyTargets)[number] | `custom:${string}` | 'ignore';

/** True for a target the importer knows how to store. */
export const isImportTarget = (value: string): value is ImportTarget =>
  value === 'ignore' ||
  (value.startsWith('custom:') && value.length > 'custom:'.length) ||
  (leadTargets as readonly string[]).includes(value) ||
  (companyTargets as readonly string[]).includes(value);
