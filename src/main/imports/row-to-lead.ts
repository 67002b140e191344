import { parseCustomValue } from '../../shared/custom-field-value';
import { customTargetOf, type ImportTarget } from '../../shared/import/import-targets';
import { normaliseDomain, normaliseEmail, normaliseFacebookUrl, normaliseLinkedinUrl } from '../../shared/normalise';
import type { CustomFieldDef } from '../leads/custom-field-defs';
import type { CompanyInput, LeadInput } from '../leads/upsert-types';

const NUMERIC_COMPANY_FIELDS = new Set(['headcount', 'revenue']);

// Fields whose value must have a normal form: a row carrying one that does not is rejected rather than imported without it.
const KEYED: Partial<Record<string, { normalise: (s: string) => string | null; expected: string }>> = {
  email: { normalise: normaliseEmail, expected: 'an e-mail address' },
  linkedinUrl: { normalise: normaliseLinkedinUrl, expected: 'a LinkedIn profile or company URL' },
  facebookUrl: { normalise: normaliseFacebookUrl, expected: 'a Facebook URL' },
  'company.email': { normalise: normaliseEmail, expected: 'an e-mail address' },
  'company.domain': { normalise: normaliseDomain, expected: 'a web address or domain' },
  'company.linkedinUrl': { normalise: normaliseLinkedinUrl, expected: 'a LinkedIn profile or company URL' },
  'company.facebookUrl': { normalise: normaliseFacebookUrl, expected: 'a Facebook URL' },
};

// A second column mapped to a profile URL holds the other form of the same profile (e.g. Sales Navigator's member-id link).
const SECOND_COLUMN: Partial<Record<string, string>> = { linkedinUrl: 'linkedinAltUrl', facebookUrl: 'facebookAltUrl' };

/** What an import knows about its columns besides their targets. */
export interface ImportColumns {
  /** Header labels by column index, or null when the file has no header row. */
  readonly names: readonly string[] | null;
  /** The live custom fields, by id. */
  readonly customFields: ReadonlyMap<number, CustomFieldDef>;
}

const NO_COLUMNS: ImportColumns = { names: null, customFields: new Map() };

/** Reads "1,200", "1.2k", "$3M" and "50-200" (lower bound) as whole numbers; anything else is not a number. */
export function parseCount(text: string): number | null {
  const match = /^\s*\$?\s*([\d.,]+)\s*([kKmMbB])?/.exec(text);
  if (!match?.[1]) return null;
  const base = Number(match[1].replace(/,/g, ''));
  if (!Number.isFinite(base)) return null;
  const scale = { k: 1e3, m: 1e6, b: 1e9 }[(match[2] ?? '').toLowerCase() as 'k' | 'm' | 'b'] ?? 1;
  return Math.round(base * scale);
}

/** A row read as a lead descriptor, or why it cannot be (naming the column, without the line). */
export type RowReading = { lead: LeadInput; reason: null } | { lead: null; reason: string };

/**
 * Turns one staged row into a lead descriptor by the import's column mapping; blank cells are left out.
 * A malformed e-mail, URL or domain, or a custom value of the wrong type, rejects the row.
 */
export function rowToLead(cells: readonly string[], mapping: readonly ImportTarget[], columns: ImportColumns = NO_COLUMNS): RowReading {
  const lead: Record<string, unknown> = {};
  const company: Record<string, unknown> = {};
  const custom: Record<number, string | number> = {};
  const companyCustom: Record<number, string | number> = {};
  for (const [i, target] of mapping.entries()) {
    const value = cells[i]?.trim();
    if (!value || target === 'ignore') continue;
    const label = columns.names?.[i] ? `column ${JSON.stringify(columns.names[i])}` : `column ${i + 1}`;
    const keyed = KEYED[target];
    if (keyed && keyed.normalise(value) === null) return reject(`${label}: ${JSON.stringify(value)} is not ${keyed.expected}`);
    const customTarget = customTargetOf(target);
    if (customTarget) {
      const field = columns.customFields.get(customTarget.fieldId);
      if (!field || field.kind !== customTarget.kind) return reject(`${label}: the ${customTarget.kind} custom field ${customTarget.fieldId} no longer exists`);
      const parsed = parseCustomValue(field, value);
      if (!parsed.ok) return reject(`${label} (custom field ${JSON.stringify(field.name)}, ${field.type}): ${parsed.reason}`);
      const values = field.kind === 'lead' ? custom : companyCustom;
      values[field.id] ??= parsed.value;
    } else if (target.startsWith('company.')) {
      const name = target.slice('company.'.length);
      const parsed = NUMERIC_COMPANY_FIELDS.has(name) ? parseCount(value) : value;
      // The first column mapped to a field wins; later ones (e.g. a second phone column) only fill a gap.
      if (parsed !== null && company[name] === undefined) company[name] = parsed;
    } else {
      const second = SECOND_COLUMN[target];
      if (lead[target] === undefined) lead[target] = value;
      else if (second && lead[second] === undefined) lead[second] = value;
    }
  }
  if (Object.keys(custom).length > 0) lead.custom = custom;
  if (Object.keys(companyCustom).length > 0) company.custom = companyCustom;
  if (Object.keys(company).length > 0) lead.company = company as CompanyInput;
  return { lead: lead as LeadInput, reason: null };
}

function reject(reason: string): RowReading {
  return { lead: null, reason };
}

/** Why a descriptor cannot become a lead, or null when it can. */
export function whyUnusable(lead: LeadInput): string | null {
  const identified = lead.email || lead.linkedinUrl || lead.facebookUrl || lead.firstName || lead.lastName || lead.fullName;
  return identified ? null : 'no email, LinkedIn URL, Facebook URL or name';
}
