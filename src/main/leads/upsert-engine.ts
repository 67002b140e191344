import type { Database } from 'better-sqlite3';
import { normaliseCompanyName } from '../../shared/normalise';
import { CompanyNames } from './company-names';
import { companyColumns, customColumns, leadColumns } from './record-columns';
import { RecordWriter } from './record-writer';
import type { ColumnValue, CompanyInput, LeadInput, UpsertResult, UpsertSource } from './upsert-types';

/** Upserts leads and companies by the dedup rules of DOMAIN.md; call its methods inside the caller's transaction. */
export class UpsertEngine {
  private readonly leads: RecordWriter;
  private readonly companies: RecordWriter;
  private readonly companyNames: CompanyNames;

  constructor(sqlite: Database, now: () => number) {
    this.leads = new RecordWriter(
      sqlite,
      { table: 'leads', kind: 'lead', keys: [{ column: 'email_norm', raw: 'email' }, { column: 'linkedin_norm', raw: 'linkedin_url', alt: 'linkedin_alt_url' }, { column: 'facebook_norm', raw: 'facebook_url', alt: 'facebook_alt_url' }] },
      now,
    );
    this.companies = new RecordWriter(
      sqlite,
      { table: 'companies', kind: 'company', keys: [{ column: 'domain' }, { column: 'linkedin_norm', raw: 'linkedin_url' }, { column: 'facebook_norm', raw: 'facebook_url' }] },
      now,
    );
    this.companyNames = new CompanyNames(sqlite);
  }

  /** Matches a company by id, domain, LinkedIn then Facebook, and writes only its given, non-blank fields. */
  upsertCompany(input: CompanyInput, source: UpsertSource): UpsertResult {
    return this.companies.upsert(input.id, companyColumns(input), source, customColumns(input.custom));
  }

  /**
   * Matches a lead by id, email, LinkedIn then Facebook, upserts and links its company, and writes only given, non-blank fields.
   * A company given without id, domain, LinkedIn or Facebook is found by name (`companyByName`).
   */
  upsertLead(input: LeadInput, source: UpsertSource): UpsertResult {
    const values = leadColumns(input);
    if (input.company) {
      const companyValues = companyColumns(input.company);
      const keyed = this.companies.hasKey(input.company.id, companyValues);
      const name = companyValues.get('name');
      const scope = `${source.kind}:${source.id}:${source.importId}`;
      const id = keyed ? input.company.id : this.companyByName(input, values, name, scope);
      const company = this.companies.upsert(id ?? null, companyValues, source, customColumns(input.company.custom));
      if (!keyed && typeof name === 'string') this.companyNames.remember(name, company.id, scope);
      values.set('company_id', company.id);
    }
    return this.leads.upsert(input.id, values, source, customColumns(input.custom));
  }

  /**
   * The company a key-less company descriptor updates: the lead's current company when the names agree (or none is given),
   * else the one live company with that normalised name, else none (a new company). A lead's e-mail domain is never taken
   * as its company's: free-mail, agency and personal domains would merge unrelated people into one company.
   */
  private companyByName(input: LeadInput, values: ReadonlyMap<string, ColumnValue>, name: ColumnValue | undefined, scope: string): number | null {
    const current = this.leads.existing(input.id, values)?.company_id;
    const norm = typeof name === 'string' ? normaliseCompanyName(name) : null;
    if (typeof current === 'number' && (norm === null || this.companyNames.matches(current, norm))) return current;
    return typeof name === 'string' ? this.companyNames.find(name, scope) : null;
  }
}
