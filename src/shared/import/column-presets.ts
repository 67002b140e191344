import { customTarget, type ImportTarget } from './import-targets';

/** A known export format: its header labels mapped to where they go. */
export interface ColumnPreset {
  readonly id: 'apollo' | 'sales_navigator' | 'hubspot' | 'generic';
  readonly name: string;
  /** Header label (compared after `headerKey`) -> target. */
  readonly columns: Readonly<Record<string, ImportTarget>>;
}

/** The comparable form of a header label: lower-case letters and digits only. */
export const headerKey = (label: string): string => label.toLowerCase().replace(/[^a-z0-9]/g, '');

const keyed = (columns: Record<string, ImportTarget>): Record<string, ImportTarget> =>
  Object.fromEntries(Object.entries(columns).map(([label, target]) => [headerKey(label), target]));

/** Apollo "people" CSV export. */
const apollo: ColumnPreset = {
  id: 'apollo',
  name: 'Apollo people export',
  columns: keyed({
    'First Name': 'firstName',
    'Last Name': 'lastName',
    Title: 'jobTitle',
    Email: 'email',
    'Email Status': 'ignore',
    'Mobile Phone': 'phone',
    'Work Direct Phone': 'phone',
    'Person Linkedin Url': 'linkedinUrl',
    'Facebook Url': 'facebookUrl',
    City: 'location',
    Country: 'country',
    'Company Name': 'company.name',
    Company: 'company.name',
    Website: 'company.domain',
    'Company Linkedin Url': 'company.linkedinUrl',
    'Company Phone': 'company.phone',
    '# Employees': 'company.headcount',
    Industry: 'company.industry',
    'Annual Revenue': 'company.revenue',
    'Company Country': 'company.country',
    'Company City': 'company.location',
  }),
};

/** LinkedIn Sales Navigator lead lists as the usual export tools write them. */
const salesNavigator: ColumnPreset = {
  id: 'sales_navigator',
  name: 'LinkedIn Sales Navigator export',
  columns: keyed({
    'First Name': 'firstName',
    'Last Name': 'lastName',
    'Full Name': 'fullName',
    'Job Title': 'jobTitle',
    Headline: 'jobTitle',
    'Profile Url': 'linkedinUrl',
    'LinkedIn Profile Url': 'linkedinUrl',
    // The member-id link: kept as the alternative LinkedIn URL beside the public profile URL.
    'Sales Navigator Url': 'linkedinUrl',
    Location: 'location',
    'Company Name': 'company.name',
    Company: 'company.name',
    'Company Url': 'company.linkedinUrl',
    'Company LinkedIn Url': 'company.linkedinUrl',
    'Company Website': 'company.domain',
    Industry: 'company.industry',
    'Company Headcount': 'company.headcount',
  }),
};

/** HubSpot contacts export (default property labels). */
const hubspot: ColumnPreset = {
  id: 'hubspot',
  name: 'HubSpot contacts export',
  columns: keyed({
    'Record ID': 'ignore',
    'First Name': 'firstName',
    'Last Name': 'lastName',
    Email: 'email',
    'Phone Number': 'phone',
    'Mobile Phone Number': 'phone',
    'Job Title': 'jobTitle',
    'Company Name': 'company.name',
    'Website URL': 'company.domain',
    City: 'location',
    'Country/Region': 'country',
    'LinkedIn URL': 'linkedinUrl',
    Industry: 'company.industry',
    'Number of Employees': 'company.headcount',
    'Annual Revenue': 'company.revenue',
  }),
};

/** A plain spreadsheet with the usual column names. */
const generic: ColumnPreset = {
  id: 'generic',
  name: 'Generic sheet',
  columns: keyed({
    'First Name': 'firstName',
    Firstname: 'firstName',
    'Given Name': 'firstName',
    'Middle Name': 'middleName',
    'Last Name': 'lastName',
    Lastname: 'lastName',
    Surname: 'lastName',
    Name: 'fullName',
    'Full Name': 'fullName',
    Title: 'jobTitle',
    'Job Title': 'jobTitle',
    Position: 'jobTitle',
    Headline: 'jobTitle',
    Email: 'email',
    'E-mail': 'email',
    'Email Address': 'email',
    Phone: 'phone',
    Mobile: 'phone',
    LinkedIn: 'linkedinUrl',
    'LinkedIn URL': 'linkedinUrl',
    Facebook: 'facebookUrl',
    'Facebook URL': 'facebookUrl',
    Country: 'country',
    Location: 'location',
    City: 'location',
    Timezone: 'timezone',
    'Time Zone': 'timezone',
    Company: 'company.name',
    'Company Name': 'company.name',
    Organization: 'company.name',
    Website: 'company.domain',
    Domain: 'company.domain',
    'Company Website': 'company.domain',
    'Company Domain': 'company.domain',
    'Company LinkedIn': 'company.linkedinUrl',
    Industry: 'company.industry',
    Employees: 'company.headcount',
    Headcount: 'company.headcount',
    Revenue: 'company.revenue',
  }),
};

/** The presets, most specific first; generic last so it only wins when nothing else fits. */
export const columnPresets: readonly ColumnPreset[] = [apollo, salesNavigator, hubspot, generic];

// Labels that only one export writes: seeing one is strong evidence for that preset.
const signatures: Record<ColumnPreset['id'], readonly string[]> = {
  apollo: ['personlinkedinurl', 'emailstatus', 'companynameforemails', 'employees'],
  sales_navigator: ['salesnavigatorurl', 'profileurl', 'linkedinprofileurl', 'companyurl'],
  hubspot: ['recordid', 'countryregion', 'websiteurl', 'phonenumber'],
  generic: [],
};

/** A custom field a header can be matched to by its name. */
export interface NamedCustomField {
  readonly id: number;
  readonly kind: 'lead' | 'company';
  readonly name: string;
}

/**
 * The preset that best explains a header row, and the per-column mapping it suggests: known labels first, then a
 * custom field of leads named like the header ("Seats"), or of companies ("Seats" or "Company Seats"); else ignore.
 */
export function suggestMapping(headers: readonly string[], customFields: readonly NamedCustomField[] = []): { preset: ColumnPreset; mapping: ImportTarget[] } {
  const keys = headers.map(headerKey);
  const score = (p: ColumnPreset) => keys.filter((k) => k in p.columns).length + 3 * keys.filter((k) => signatures[p.id].includes(k)).length;
  const preset = columnPresets.reduce((best, p) => (score(p) > score(best) ? p : best), generic);
  const custom = (k: string): ImportTarget | undefined => {
    const named = (kind: 'lead' | 'company', key: string) => customFields.find((f) => f.kind === kind && key !== '' && headerKey(f.name) === key);
    const field = named('lead', k) ?? named('company', k) ?? (k.startsWith('company') ? named('company', k.slice('company'.length)) : undefined);
    return field && customTarget(field.kind, field.id);
  };
  const mapping = keys.map((k) => preset.columns[k] ?? generic.columns[k] ?? custom(k) ?? 'ignore');
  return { preset, mapping };
}
