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

/** Where one column of an import goes: a lead field, a company field, a custom field of leads (`custom:<field id>`) or of companies (`company.custom:<field id>`), or nowhere. */
export type ImportTarget = (typeof leadTargets)[number] | (typeof companyTargets)[number] | `custom:${number}` | `company.custom:${number}` | 'ignore';

const CUSTOM_TARGET = /^(company\.)?custom:([1-9]\d{0,15})$/;

/** The custom field a target names, with the kind of record it belongs to, or undefined for other targets. */
export function customTargetOf(target: string): { kind: 'lead' | 'company'; fieldId: number } | undefined {
  const match = CUSTOM_TARGET.exec(target);
  return match ? { kind: match[1] ? 'company' : 'lead', fieldId: Number(match[2]) } : undefined;
}

/** The mapping target of a custom field. */
export const customTarget = (kind: 'lead' | 'company', fieldId: number): ImportTarget => (kind === 'lead' ? `custom:${fieldId}` : `company.custom:${fieldId}`);

/** True for a target the importer knows how to store. */
export const isImportTarget = (value: string): value is ImportTarget =>
  value === 'ignore' ||
  customTargetOf(value) !== undefined ||
  (leadTargets as readonly string[]).includes(value) ||
  (companyTargets as readonly string[]).includes(value);
