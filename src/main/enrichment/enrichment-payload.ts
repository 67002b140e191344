import type { Database } from 'better-sqlite3';
import type { PayloadBuilder } from '../work/work-hooks';
import { enrichmentSubjects } from './enrichment-subject';

/** The profile type whose workers call HTTP providers. */
export const HTTP_API_PROFILE = 'http_api';

/** The enrichment types an HTTP provider performs. */
export const HTTP_ENRICHMENTS: ReadonlySet<string> = new Set(['verify_email', 'find_email', 'find_phone', 'find_company_leads']);

/**
 * A payload builder giving an HTTP provider's lookup who it is about: first and last name, full name, email, company
 * name and domain. Values already in the params win; items of other profile types or enrichment types pass unchanged.
 */
export function enrichmentPayload(sqlite: Database): PayloadBuilder {
  const profileType = sqlite
    .prepare<[number], string>('SELECT t.code FROM profiles AS p JOIN profile_types AS t ON t.id = p.profile_type_id WHERE p.id = ?')
    .pluck();
  const subjectOf = enrichmentSubjects(sqlite);
  return (ctx, params) => {
    if (!HTTP_ENRICHMENTS.has(ctx.typeCode) || profileType.get(ctx.profileId) !== HTTP_API_PROFILE) return params;
    const subject = subjectOf(ctx.recordId);
    if (!subject) return params;
    const fullName = [subject.firstName, subject.lastName].filter(Boolean).join(' ') || null;
    const found = { firstName: subject.firstName, lastName: subject.lastName, fullName, email: subject.email, companyName: subject.companyName, domain: subject.domain };
    const missing = Object.entries(found).filter(([name, value]) => value !== null && params[name] === undefined);
    return { ...params, ...Object.fromEntries(missing) };
  };
}
