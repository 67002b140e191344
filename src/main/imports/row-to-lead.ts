import type { ImportTarget } from '../../shared/import/import-targets';
import type { CompanyInput, LeadInput } from '../leads/upsert-types';

const NUMERIC_COMPANY_FIELDS = new Set(['headcount', 'revenue']);

/** Reads "1,200", "1.2k", "$3M" and "50-200" (lower bound) as whole numbers; anything else is not a number. */
export function parseCount(text: string): number | null {
  const match = /^\s*\$?\s*([\d.,]+)\s*([kKmMbB])?/.exec(text);
  if (!match?.[1]) return null;
  const base = Number(match[1].replace(/,/g, ''));
  if (!Number.isFinite(base)) return null;
  const scale = { k: 1e3, m: 1e6, b: 1e9 }[(match[2] ?? '').toLowerCase() as 'k' | 'm' | 'b'] ?? 1;
  return Math.round(base * scale);
}

/** Turns one staged row into a lead descriptor by the import's column mapping; blank cells are left out. */
export function rowToLead(cells: readonly string[], mapping: readonly ImportTarget[]): LeadInput {
  const lead: Record<string, unknown> = {};
  const company: Record<string, unknown> = {};
  mapping.forEach((target, i) => {
    const value = cells[i]?.trim();
    if (!value || target === 'ignore' || target.startsWith('custom:')) return;
    if (target.startsWith('company.')) {
      const field = target.slice('company.'.length);
      const parsed = NUMERIC_COMPANY_FIELDS.has(field) ? parseCount(value) : value;
      // The first column mapped to a field wins; later ones (e.g. a second phone column) only fill a gap.
      if (parsed !== null && company[field] === undefined) company[field] = parsed;
    } else if (lead[target] === undefined) {
      lead[target] = value;
    }
  });
  if (Object.keys(company).length > 0) lead.company = company as CompanyInput;
  return lead as LeadInput;
}

/** Why a descriptor cannot become a lead, or null when it can. */
export function whyUnusable(lead: LeadInput): string | null {
  const identified = lead.email || lead.linkedinUrl || lead.facebookUrl || lead.firstName || lead.lastName || lead.fullName;
  return identified ? null : 'no email, LinkedIn URL, Facebook URL or name';
}
