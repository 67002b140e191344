import type { Database } from 'better-sqlite3';

/** A built-in export column: its key, its header label, and the column of the batch query it reads. */
interface BuiltinColumn {
  readonly key: string;
  readonly label: string;
  readonly field: string;
  readonly time?: boolean;
}

// Labels follow the generic import preset where it has one, so an exported file re-imports without remapping.
const builtins: readonly BuiltinColumn[] = [
  { key: 'id', label: 'ID', field: 'id' },
  { key: 'firstName', label: 'First Name', field: 'first_name' },
  { key: 'middleName', label: 'Middle Name', field: 'middle_name' },
  { key: 'lastName', label: 'Last Name', field: 'last_name' },
  { key: 'jobTitle', label: 'Job Title', field: 'job_title' },
  { key: 'email', label: 'Email', field: 'email' },
  { key: 'emailVerification', label: 'Email Verification', field: 'email_verification' },
  { key: 'phone', label: 'Phone', field: 'phone' },
  { key: 'linkedinUrl', label: 'LinkedIn URL', field: 'linkedin_url' },
  { key: 'linkedinAltUrl', label: 'LinkedIn Alternative URL', field: 'linkedin_alt_url' },
  { key: 'facebookUrl', label: 'Facebook URL', field: 'facebook_url' },
  { key: 'facebookAltUrl', label: 'Facebook Alternative URL', field: 'facebook_alt_url' },
  { key: 'country', label: 'Country', field: 'country' },
  { key: 'location', label: 'Location', field: 'location' },
  { key: 'timezone', label: 'Timezone', field: 'timezone' },
  { key: 'pictureUrl', label: 'Picture URL', field: 'picture_url' },
  { key: 'createdAt', label: 'Created At', field: 'created_at', time: true },
  { key: 'updatedAt', label: 'Updated At', field: 'updated_at', time: true },
  { key: 'company.name', label: 'Company Name', field: 'company_name' },
  { key: 'company.domain', label: 'Company Domain', field: 'company_domain' },
  { key: 'company.email', label: 'Company Email', field: 'company_email' },
  { key: 'company.phone', label: 'Company Phone', field: 'company_phone' },
  { key: 'company.linkedinUrl', label: 'Company LinkedIn', field: 'company_linkedin_url' },
  { key: 'company.facebookUrl', label: 'Company Facebook', field: 'company_facebook_url' },
  { key: 'company.headcount', label: 'Headcount', field: 'company_headcount' },
  { key: 'company.revenue', label: 'Revenue', field: 'company_revenue' },
  { key: 'company.industry', label: 'Industry', field: 'company_industry' },
  { key: 'company.country', label: 'Company Country', field: 'company_country' },
  { key: 'company.location', label: 'Company Location', field: 'company_location' },
  { key: 'company.timezone', label: 'Company Timezone', field: 'company_timezone' },
  { key: 'tags', label: 'Tags', field: 'tags' },
];

const builtinByKey = new Map(builtins.map((c) => [c.key, c]));

/** The SQL select list the batch query uses for the built-in columns (aliases `l` leads, `c` companies). */
export const BUILTIN_SELECT = [
  ...builtins.filter((c) => !c.key.startsWith('company.') && c.key !== 'tags').map((c) => `l.${c.field}`),
  ...builtins.filter((c) => c.key.startsWith('company.')).map((c) => `c.${c.field.slice('company_'.length)} AS ${c.field}`),
].join(', ');

/** A custom field column: `custom:<name>` (lead) or `company.custom:<name>`. */
export interface CustomColumn {
  readonly target: 'lead' | 'company';
  readonly name: string;
}

/** Parses a custom column key, or null for a built-in key. */
export function customColumn(key: string): CustomColumn | null {
  if (key.startsWith('custom:')) return { target: 'lead', name: key.slice('custom:'.length) };
  if (key.startsWith('company.custom:')) return { target: 'company', name: key.slice('company.custom:'.length) };
  return null;
}

/** Every column an export can have now: built-ins, then the live custom fields of leads and companies. */
export function availableColumns(sqlite: Database): string[] {
  const fields = sqlite.prepare('SELECT target_kind, name FROM custom_fields WHERE deleted_at IS NULL ORDER BY target_kind DESC, id').all() as {
    target_kind: 'lead' | 'company';
    name: string;
  }[];
  return [...builtins.map((c) => c.key), ...fields.map((f) => (f.target_kind === 'lead' ? `custom:${f.name}` : `company.custom:${f.name}`))];
}

/** The header label of a column. */
export function columnLabel(key: string): string {
  const custom = customColumn(key);
  if (custom) return custom.target === 'lead' ? custom.name : `Company ${custom.name}`;
  return builtinByKey.get(key)?.label ?? key;
}

/** Reads one column of a batch row as CSV text (times as ISO, absent values empty). */
export function builtinCell(key: string, row: Record<string, unknown>): string {
  const column = builtinByKey.get(key);
  if (!column) throw new Error(`unknown export column ${key}`);
  const value = row[column.field];
  if (value === null || value === undefined) return '';
  return column.time ? new Date(value as number).toISOString() : String(value);
}
