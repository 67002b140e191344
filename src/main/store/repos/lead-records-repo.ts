import type { Database } from 'better-sqlite3';
import type { LeadDetail, LeadUpdateInput } from '../../../shared/contract/schemas/lead-detail';
import { toIso } from '../../../shared/iso-time';
import { normaliseEmail, normaliseFacebookUrl, normaliseLinkedinUrl } from '../../../shared/normalise';
import { ApiError } from '../../api/api-error';
import { UpsertEngine } from '../../leads/upsert-engine';
import type { ColumnValue, LeadInput } from '../../leads/upsert-types';
import { customClears, customSets, type CustomFieldsRepo } from './custom-fields-repo';
import { keyHolder, splitPatch, type PatchSpec } from './manual-patch';
import { RecordEdits } from './record-edits';
import { RecordJournal } from './record-journal';
import type { RemindersRepo } from './reminders-repo';
import type { TagsRepo } from './tags-repo';

interface LeadRow {
  id: number;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  job_title: string | null;
  email: string | null;
  email_norm: string | null;
  email_verification: string | null;
  phone: string | null;
  linkedin_url: string | null;
  facebook_url: string | null;
  country: string | null;
  location: string | null;
  timezone: string | null;
  picture_url: string | null;
  company_id: number | null;
  company_name: string | null;
  company_domain: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** How a manual lead edit maps onto columns. */
export const LEAD_PATCH: PatchSpec = {
  kind: 'lead',
  table: 'leads',
  fields: {
    firstName: ['first_name'],
    middleName: ['middle_name'],
    lastName: ['last_name'],
    jobTitle: ['job_title'],
    email: ['email', 'email_norm'],
    phone: ['phone'],
    linkedinUrl: ['linkedin_url', 'linkedin_norm'],
    facebookUrl: ['facebook_url', 'facebook_norm'],
    country: ['country'],
    location: ['location'],
    timezone: ['timezone'],
    pictureUrl: ['picture_url'],
  },
  keys: {
    email: { normalise: normaliseEmail, column: 'email_norm', what: 'email address' },
    linkedinUrl: { normalise: normaliseLinkedinUrl, column: 'linkedin_norm', what: 'LinkedIn profile URL' },
    facebookUrl: { normalise: normaliseFacebookUrl, column: 'facebook_norm', what: 'Facebook profile URL' },
  },
};

const SELECT = `SELECT l.*, c.name AS company_name, c.domain AS company_domain FROM leads l
  LEFT JOIN companies c ON c.id = l.company_id AND c.deleted_at IS NULL WHERE l.id = ?`;

/** The lead page: one lead with everything around it, manual edits, soft delete and restore. */
export class LeadRecordsRepo {
  private readonly engine: UpsertEngine;
  private readonly edits: RecordEdits;
  /** History, provenance and the undo rule, shared with the company page and `journal.undo`. */
  readonly journal: RecordJournal;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
    private readonly parts: { tags: TagsRepo; customFields: CustomFieldsRepo; reminders: RemindersRepo },
  ) {
    this.engine = new UpsertEngine(sqlite, now);
    this.edits = new RecordEdits(sqlite, now);
    this.journal = new RecordJournal(sqlite);
  }

  /** One live lead with its company, tags, custom values, provenance, open reminders, history and activity; null when missing. */
  get(id: number): LeadDetail | null {
    const r = this.sqlite.prepare<[number], LeadRow>(SELECT).get(id);
    if (!r || r.deleted_at !== null) return null;
    const company = r.company_id !== null && (r.company_name !== null || r.company_domain !== null) ? { id: r.company_id, name: r.company_name, domain: r.company_domain } : null;
    return {
      id: r.id,
      firstName: r.first_name,
      middleName: r.middle_name,
      lastName: r.last_name,
      jobTitle: r.job_title,
      email: r.email,
      phone: r.phone,
      linkedinUrl: r.linkedin_url,
      facebookUrl: r.facebook_url,
      country: r.country,
      location: r.location,
      timezone: r.timezone,
      pictureUrl: r.picture_url,
      emailVerification: r.email_verification,
      companyId: company?.id ?? null,
      companyName: company?.name ?? null,
      createdAt: toIso(r.created_at),
      updatedAt: toIso(r.updated_at),
      company,
      tags: this.parts.tags.applied('lead', id),
      customValues: this.parts.customFields.values('lead', id, (kind, sourceId) => this.journal.label(kind, sourceId)),
      provenance: this.journal.provenance('lead', id),
      reminders: this.parts.reminders.list({ leadId: id, status: 'open', limit: 500 }),
      history: this.journal.history('lead', id),
      activity: this.activity(id),
    };
  }

  /**
   * A person's edit: given non-blank fields go through the upsert engine, blank ones are cleared, custom values are
   * parsed by their field's type; all in one journal entry. A new email drops the stale verification result.
   * Returns the journal entry (null when nothing changed), or undefined when the lead is not live.
   */
  update(input: LeadUpdateInput): number | null | undefined {
    const { id, custom, companyId, ...fields } = input;
    return this.sqlite.transaction(() => {
      const row = this.sqlite.prepare<[number], LeadRow>(SELECT).get(id);
      if (!row || row.deleted_at !== null) return undefined;
      const { sets, clears } = splitPatch(this.sqlite, LEAD_PATCH, id, fields);
      const values = this.parts.customFields.parsePatch('lead', custom ?? {});
      const explicit = new Map<string, ColumnValue | null>([...clears, ...customClears(values)].map((c) => [c, null]));
      const lead: LeadInput = { ...(sets as Omit<LeadInput, 'id' | 'company'>), id, custom: customSets(values) };
      if (companyId === null) explicit.set('company_id', null);
      else if (companyId !== undefined) {
        if (!this.sqlite.prepare('SELECT 1 FROM companies WHERE id = ? AND deleted_at IS NULL').get(companyId)) {
          throw new ApiError('not_found', `companyId: company ${companyId} does not exist`);
        }
        lead.company = { id: companyId };
      }
      const email = typeof sets.email === 'string' ? normaliseEmail(sets.email) : clears.includes('email') ? null : undefined;
      if (email !== undefined && email !== row.email_norm) {
        explicit.set('email_verification', null);
        explicit.set('email_verified_at', null);
      }
      const since = this.edits.lastJournalId();
      this.engine.upsertLead(lead, { kind: 'person', id: null });
      return this.edits.apply('lead', id, explicit, since);
    })();
  }

  /** Soft-deletes a live lead, journaled so it can be undone; null when it is not live. */
  delete(id: number): { id: number; deletedAt: string; journalId: number } | null {
    return this.sqlite.transaction(() => {
      if (!this.sqlite.prepare('SELECT 1 FROM leads WHERE id = ? AND deleted_at IS NULL').get(id)) return null;
      const at = this.now();
      const journalId = this.edits.apply('lead', id, new Map([['deleted_at', at]]), this.edits.lastJournalId()) as number;
      return { id, deletedAt: toIso(at), journalId };
    })();
  }

  /** Brings back a soft-deleted lead (journaled); null when it does not exist, 409 when it is live or its keys are taken. */
  restore(id: number): number | null {
    return this.sqlite.transaction(() => {
      const row = this.sqlite.prepare<[number], Record<string, unknown>>('SELECT * FROM leads WHERE id = ?').get(id);
      if (!row) return null;
      if (row.deleted_at === null) throw new ApiError('conflict', `lead ${id} is not deleted`);
      const holder = keyHolder(this.sqlite, LEAD_PATCH, row);
      if (holder) throw new ApiError('conflict', `${holder.field}: lead ${holder.id} now has this lead's ${LEAD_PATCH.keys[holder.field]?.what}; edit or delete it first`);
      return this.edits.apply('lead', id, new Map([['deleted_at', null]]), this.edits.lastJournalId());
    })();
  }

  private activity(leadId: number): LeadDetail['activity'] {
    return this.sqlite
      .prepare<[number], { id: number; direction: LeadDetail['activity'][number]['direction']; channel: string; incoming_kind: string | null; subject: string | null; status: string; at: number }>(
        `SELECT o.id, o.direction, t.name AS channel, o.incoming_kind, o.subject, o.status, coalesce(o.occurred_at, o.created_at) AS at
         FROM outreach o JOIN outreach_types t ON t.id = o.outreach_type_id WHERE o.lead_id = ? ORDER BY at DESC, o.id DESC LIMIT 100`,
      )
      .all(leadId)
      .map((r) => ({ id: r.id, direction: r.direction, channel: r.channel, incomingKind: r.incoming_kind, subject: r.subject, status: r.status, at: toIso(r.at) }));
  }
}
