import type { Database } from 'better-sqlite3';
import { companyColumns, leadColumns } from './record-columns';
import { RecordWriter } from './record-writer';
import type { CompanyInput, LeadInput, UpsertResult, UpsertSource } from './upsert-types';

/** Upserts leads and companies by the dedup rules of DOMAIN.md; call its methods inside the caller's transaction. */
export class UpsertEngine {
  private readonly leads: RecordWriter;
  private readonly companies: RecordWriter;

  constructor(sqlite: Database, now: () => number) {
    this.leads = new RecordWriter(
      sqlite,
      { table: 'leads', kind: 'lead', keys: [{ column: 'email_norm', raw: 'email' }, { column: 'linkedin_norm', raw: 'linkedin_url' }, { column: 'facebook_norm', raw: 'facebook_url' }] },
      now,
    );
    this.companies = new RecordWriter(
      sqlite,
      { table: 'companies', kind: 'company', keys: [{ column: 'domain' }, { column: 'linkedin_norm', raw: 'linkedin_url' }, { column: 'facebook_norm', raw: 'facebook_url' }] },
      now,
    );
  }

  /** Matches a company by id, domain, LinkedIn then Facebook, and writes only its given, non-blank fields. */
  upsertCompany(input: CompanyInput, source: UpsertSource): UpsertResult {
    return this.companies.upsert(input.id, companyColumns(input), source);
  }

  /**
   * Matches a lead by id, email, LinkedIn then Facebook, upserts and links its company, and writes only given, non-blank fields.
   * A company given without id, domain, LinkedIn or Facebook updates the lead's current company instead of adding a twin.
   */
  upsertLead(input: LeadInput, source: UpsertSource): UpsertResult {
    const values = leadColumns(input);
    if (input.company) {
      const companyValues = companyColumns(input.company);
      const id = this.companies.hasKey(input.company.id, companyValues) ? input.company.id : this.leads.existing(input.id, values)?.company_id;
      values.set('company_id', this.companies.upsert(typeof id === 'number' ? id : null, companyValues, source).id);
    }
    return this.leads.upsert(input.id, values, source);
  }
}
