import type { HttpEnrichmentType } from './http-api-settings';
import type { Subject } from './provider-request';

const has = (subject: Subject, name: string) => typeof subject[name] === 'string' && (subject[name] as string).trim() !== '';

/** Why a lookup cannot be asked for (nothing to verify, no company to search), or null; checked before any paid request. */
export function missingSubject(type: HttpEnrichmentType, subject: Subject): string | null {
  if (type === 'verify_email') return has(subject, 'email') ? null : 'the item carries no email address to verify';
  if (has(subject, 'domain') || has(subject, 'companyName')) return null;
  return `the item carries no company domain or name to ${type === 'find_company_leads' ? 'search' : 'look the person up at'}`;
}
