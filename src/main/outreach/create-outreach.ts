import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { isSuppressed, suppressionText } from '../suppression/is-suppressed';
import { LeadMergeValues } from './lead-merge-values';
import { renderForLead } from './render-for-lead';

/** What to send to whom: a template rendered for the lead at creation, and what created it. */
export interface NewOutreach {
  readonly leadId: number;
  readonly typeCode: string;
  readonly subject?: string | null | undefined;
  readonly body: string;
  /** `auto`: approved by its rule or step, due at once; `pending`: waits in the approval queue. */
  readonly approval: 'pending' | 'auto';
  readonly ruleInstanceId?: number | null | undefined;
  readonly enrollmentId?: number | null | undefined;
  readonly sequenceStepId?: number | null | undefined;
  readonly sequenceVariantId?: number | null | undefined;
  /** A tag put on the created outreach row. */
  readonly tagId?: number | null | undefined;
  readonly now: number;
}

/** Why no outreach was created. */
export type OutreachRefusal = 'unknown_lead' | 'unknown_type' | 'no_address' | 'suppressed' | 'unknown_merge_field';

/** The created row, or why there is none (`detail` says more: the suppression entry, the unknown fields). */
export type CreateOutreachResult = { readonly id: number } | { readonly refused: OutreachRefusal; readonly detail: string };

interface AddressRow {
  type_id: number;
  address_field: 'email' | 'linkedin' | 'facebook' | null;
  email: string | null;
  linkedin_url: string | null;
  facebook_url: string | null;
  domain: string | null;
}

interface Prepared {
  readonly address: Statement<[string, number], AddressRow>;
  readonly typeExists: Statement<[string], { id: number }>;
  readonly insert: Statement<unknown[]>;
  readonly tag: Statement<[number, number, string, number | null, number]>;
  readonly merge: LeadMergeValues;
}

const cache = new WeakMap<Database, Prepared>();

function prepared(sqlite: Database): Prepared {
  let p = cache.get(sqlite);
  if (!p) {
    p = {
      address: sqlite.prepare(`SELECT t.id AS type_id, t.address_field, l.email, l.linkedin_url, l.facebook_url, c.domain
        FROM outreach_types t, leads l LEFT JOIN companies c ON c.id = l.company_id AND c.deleted_at IS NULL
        WHERE t.code = ? AND l.id = ? AND l.deleted_at IS NULL`),
      typeExists: sqlite.prepare('SELECT id FROM outreach_types WHERE code = ?'),
      insert: sqlite.prepare(`INSERT INTO outreach (outreach_type_id, direction, lead_id, rule_instance_id, enrollment_id, sequence_step_id, sequence_variant_id,
          lead_address, subject, body, approval, approved_at, idempotency_key, due_at, created_at, updated_at)
        VALUES (?, 'outgoing', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      tag: sqlite.prepare(`INSERT OR IGNORE INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_by_id, created_at)
        VALUES (?, 'outreach', ?, ?, ?, ?)`),
      merge: new LeadMergeValues(sqlite),
    };
    cache.set(sqlite, p);
  }
  return p;
}

const addressOf = (row: AddressRow): string | null => {
  const value = row.address_field === 'email' ? row.email : row.address_field === 'linkedin' ? row.linkedin_url : row.address_field === 'facebook' ? row.facebook_url : null;
  return value?.trim() ? value.trim() : null;
};

// A rule instance or a sequence step creates its message once, even if its creator runs twice.
const idempotencyKey = (o: NewOutreach): string => {
  if (o.ruleInstanceId) return `rule-instance:${o.ruleInstanceId}`;
  if (o.enrollmentId && o.sequenceStepId) return `enrollment:${o.enrollmentId}:step:${o.sequenceStepId}`;
  return `outreach:${randomUUID()}`;
};

/**
 * Creates one rendered outgoing outreach of any type for a lead (rules and sequences): merge fields rendered with the
 * lead's values, the lead's address taken from the type's address field (none for a manual task), refused when the
 * address is missing or suppressed. Synchronous: runs inside the caller's transaction.
 */
export function createOutreach(sqlite: Database, o: NewOutreach): CreateOutreachResult {
  const p = prepared(sqlite);
  const row = p.address.get(o.typeCode, o.leadId);
  if (!row) {
    return p.typeExists.get(o.typeCode)
      ? { refused: 'unknown_lead', detail: `lead ${o.leadId} does not exist` }
      : { refused: 'unknown_type', detail: `outreach type ${o.typeCode} does not exist` };
  }
  const address = addressOf(row);
  if (row.address_field !== null && address === null) return { refused: 'no_address', detail: `lead ${o.leadId} has no ${row.address_field} address` };
  const hit = isSuppressed(sqlite, { email: row.email, domain: row.domain, linkedinUrl: row.linkedin_url, facebookUrl: row.facebook_url });
  if (hit) return { refused: 'suppressed', detail: suppressionText(hit) };
  const data = p.merge.of(o.leadId);
  if (!data) return { refused: 'unknown_lead', detail: `lead ${o.leadId} does not exist` };
  const rendered = renderForLead(o.leadId, data, { subject: o.subject ?? '', body: o.body });
  if (rendered.unknown.length) return { refused: 'unknown_merge_field', detail: `unknown merge field: ${rendered.unknown.join(', ')}` };
  const subject = o.subject === undefined || o.subject === null ? null : rendered.subject;
  const id = Number(
    p.insert.run(
      row.type_id,
      o.leadId,
      o.ruleInstanceId ?? null,
      o.enrollmentId ?? null,
      o.sequenceStepId ?? null,
      o.sequenceVariantId ?? null,
      address,
      subject,
      rendered.body,
      o.approval,
      o.approval === 'auto' ? o.now : null,
      idempotencyKey(o),
      o.now,
      o.now,
      o.now,
    ).lastInsertRowid,
  );
  if (o.tagId) p.tag.run(o.tagId, id, o.ruleInstanceId ? 'rule' : 'api', o.ruleInstanceId ?? null, o.now);
  return { id };
}
