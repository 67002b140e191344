import type { Database, Statement } from 'better-sqlite3';
import type { MergeValues } from '../../shared/templates/merge-data';

interface LeadRow {
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  job_title: string | null;
  email: string | null;
  phone: string | null;
  linkedin_url: string | null;
  country: string | null;
  location: string | null;
  timezone: string | null;
  company_id: number | null;
}

interface CompanyRow {
  name: string | null;
  domain: string | null;
  industry: string | null;
  country: string | null;
  location: string | null;
  headcount: number | null;
}

/** A lead's merge values and the names of the custom fields that exist (so templates can be checked against them). */
export interface LeadMergeData {
  readonly values: MergeValues;
  readonly customFieldNames: readonly string[];
}

/** Reads what a template may say about a lead: its fields, its company's (`company.*`) and custom values (`custom.*`). */
export class LeadMergeValues {
  private readonly lead: Statement<[number], LeadRow>;
  private readonly company: Statement<[number], CompanyRow>;
  private readonly custom: Statement<[string, number], { name: string; value: string | number }>;
  private readonly names: Statement<[], { name: string }>;

  constructor(sqlite: Database) {
    this.lead = sqlite.prepare(`SELECT first_name, middle_name, last_name, job_title, email, phone, linkedin_url, country, location, timezone, company_id
      FROM leads WHERE id = ? AND deleted_at IS NULL`);
    this.company = sqlite.prepare('SELECT name, domain, industry, country, location, headcount FROM companies WHERE id = ? AND deleted_at IS NULL');
    this.custom = sqlite.prepare(`SELECT f.name, v.value FROM custom_field_values v JOIN custom_fields f ON f.id = v.field_id
      WHERE v.target_kind = ? AND v.target_id = ? AND f.deleted_at IS NULL`);
    // Lead custom fields are custom.<name>; a company's share the namespace only when no lead field has that name.
    this.names = sqlite.prepare('SELECT DISTINCT name FROM custom_fields WHERE deleted_at IS NULL ORDER BY name');
  }

  /** The lead's merge values; undefined when the lead does not exist. */
  of(leadId: number): LeadMergeData | undefined {
    const lead = this.lead.get(leadId);
    if (!lead) return undefined;
    const { company_id: companyId, ...fields } = lead;
    const company = companyId === null ? undefined : this.company.get(companyId);
    const custom = [...(companyId === null ? [] : this.custom.all('company', companyId)), ...this.custom.all('lead', leadId)];
    const values: Record<string, string | number | null> = {
      ...fields,
      full_name: [lead.first_name, lead.last_name].filter(Boolean).join(' ') || null,
      ...Object.fromEntries(Object.entries(company ?? {}).map(([k, v]) => [`company.${k}`, v as string | number | null])),
      ...Object.fromEntries(custom.map((c) => [`custom.${c.name}`, c.value])),
    };
    return { values, customFieldNames: this.names.all().map((r) => r.name) };
  }
}
