import type { Database } from 'better-sqlite3';
import type { CompanyDetail, CompanyUpdateInput } from '../../../shared/contract/schemas/company-detail';
import { toIso } from '../../../shared/iso-time';
import { normaliseDomain, normaliseEmail, normaliseFacebookUrl, normaliseLinkedinUrl } from '../../../shared/normalise';
import { ApiError } from '../../api/api-error';
import { UpsertEngine } from '../../leads/upsert-engine';
import type { ColumnValue, CompanyInput } from '../../leads/upsert-types';
import { customClears, customSets, type CustomFieldsRepo } from './custom-fields-repo';
import { splitPatch, type PatchSpec } from './manual-patch';
import { RecordEdits } from './record-edits';
import type { RecordJournal } from './record-journal';
import type { TagsRepo } from './tags-repo';

interface CompanyRow {
  id: number;
  name: string | null;
  domain: string | null;
  email: string | null;
  phone: string | null;
  linkedin_url: string | null;
  facebook_url: string | null;
  headcount: number | null;
  revenue: number | null;
  industry: string | null;
  country: string | null;
  location: string | null;
  timezone: string | null;
  created_at: number;
  updated_at: number;
}

/** How many of a company's leads its page lists. */
const FIRST_LEADS = 20;

/** How a manual company edit maps onto columns. */
export const COMPANY_PATCH: PatchSpec = {
  kind: 'company',
  table: 'companies',
  fields: {
    name: ['name'],
    domain: ['domain'],
    email: ['email'],
    phone: ['phone'],
    linkedinUrl: ['linkedin_url', 'linkedin_norm'],
    facebookUrl: ['facebook_url', 'facebook_norm'],
    headcount: ['headcount'],
    revenue: ['revenue'],
    industry: ['industry'],
    country: ['country'],
    location: ['location'],
    timezone: ['timezone'],
  },
  keys: {
    domain: { normalise: normaliseDomain, column: 'domain', what: 'domain' },
    linkedinUrl: { normalise: normaliseLinkedinUrl, column: 'linkedin_norm', what: 'LinkedIn company URL' },
    facebookUrl: { normalise: normaliseFacebookUrl, column: 'facebook_norm', what: 'Facebook page URL' },
  },
};

/** The company page: one company with its leads, tags, custom values, provenance and history, and manual edits. */
export class CompanyRecordsRepo {
  private readonly engine: UpsertEngine;
  private readonly edits: RecordEdits;

  constructor(
    private readonly sqlite: Database,
    now: () => number,
    private readonly parts: { tags: TagsRepo; customFields: CustomFieldsRepo; journal: RecordJournal },
  ) {
    this.engine = new UpsertEngine(sqlite, now);
    this.edits = new RecordEdits(sqlite, now);
  }

  /** One live company with its lead count and first leads, tags, custom values, provenance and history; null when missing. */
  get(id: number): CompanyDetail | null {
    const r = this.sqlite.prepare<[number], CompanyRow>('SELECT * FROM companies WHERE id = ? AND deleted_at IS NULL').get(id);
    if (!r) return null;
    const { journal } = this.parts;
    return {
      id: r.id,
      name: r.name,
      domain: r.domain,
      email: r.email,
      phone: r.phone,
      linkedinUrl: r.linkedin_url,
      facebookUrl: r.facebook_url,
      headcount: r.headcount,
      revenue: r.revenue,
      industry: r.industry,
      country: r.country,
      location: r.location,
      timezone: r.timezone,
      createdAt: toIso(r.created_at),
      updatedAt: toIso(r.updated_at),
      leadCount: this.sqlite.prepare<[number], { n: number }>('SELECT count(*) AS n FROM leads WHERE company_id = ? AND deleted_at IS NULL').get(id)?.n ?? 0,
      leads: this.firstLeads(id),
      tags: this.parts.tags.applied('company', id),
      customValues: this.parts.customFields.values('company', id, (kind, sourceId) => journal.label(kind, sourceId)),
      provenance: journal.provenance('company', id),
      history: journal.history('company', id),
    };
  }

  /**
   * A person's edit, under the same rules as a lead's: non-blank fields through the upsert engine, blank ones cleared,
   * custom values parsed, one journal entry. Returns it (null when nothing changed), or undefined when the company is not live.
   */
  update(input: CompanyUpdateInput): number | null | undefined {
    const { id, custom, ...fields } = input;
    return this.sqlite.transaction(() => {
      if (!this.sqlite.prepare('SELECT 1 FROM companies WHERE id = ? AND deleted_at IS NULL').get(id)) return undefined;
      if (typeof fields.email === 'string' && fields.email.trim() !== '' && normaliseEmail(fields.email) === null) {
        throw new ApiError('bad_request', 'email: not a valid email address', [{ path: 'email', message: 'not a valid email address' }]);
      }
      const { sets, clears } = splitPatch(this.sqlite, COMPANY_PATCH, id, fields);
      const values = this.parts.customFields.parsePatch('company', custom ?? {});
      const explicit = new Map<string, ColumnValue | null>([...clears, ...customClears(values)].map((c) => [c, null]));
      const since = this.edits.lastJournalId();
      this.engine.upsertCompany({ ...(sets as Omit<CompanyInput, 'id'>), id, custom: customSets(values) }, { kind: 'person', id: null });
      return this.edits.apply('company', id, explicit, since);
    })();
  }

  private firstLeads(companyId: number): CompanyDetail['leads'] {
    return this.sqlite
      .prepare<[number, number], { id: number; first_name: string | null; last_name: string | null; job_title: string | null; email: string | null }>(
        'SELECT id, first_name, last_name, job_title, email FROM leads WHERE company_id = ? AND deleted_at IS NULL ORDER BY id DESC LIMIT ?',
      )
      .all(companyId, FIRST_LEADS)
      .map((l) => ({ id: l.id, firstName: l.first_name, lastName: l.last_name, jobTitle: l.job_title, email: l.email }));
  }
}
