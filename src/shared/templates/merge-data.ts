/** The values a template can reference, by field name (`first_name`, `company.name`, `custom.<name>`). */
export type MergeValues = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Lead fields a template may use. */
export const leadMergeFields = [
  'first_name',
  'middle_name',
  'last_name',
  'full_name',
  'job_title',
  'email',
  'phone',
  'linkedin_url',
  'country',
  'location',
  'timezone',
] as const;

/** Company fields a template may use, as `company.<field>`. */
export const companyMergeFields = ['name', 'domain', 'industry', 'country', 'location', 'headcount'] as const;

/** The names a template may reference given the custom fields that exist (`custom.<name>`, case as defined). */
export function knownMergeFields(customFieldNames: readonly string[]): Set<string> {
  return new Set([...leadMergeFields, ...companyMergeFields.map((f) => `company.${f}`), ...customFieldNames.map((n) => `custom.${n}`)]);
}
