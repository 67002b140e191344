import type { Database } from 'better-sqlite3';
import { enrichmentSubjects } from '../enrichment/enrichment-subject';
import type { PayloadBuilder } from '../work/work-hooks';

/** The enrichment type whose items verify a lead's email. */
export const VERIFY_EMAIL = 'verify_email';

/** A payload builder that puts the target lead's current email into a verify_email item (an email in the params wins). */
export function verificationPayload(sqlite: Database): PayloadBuilder {
  const subjectOf = enrichmentSubjects(sqlite);
  return (ctx, params) => {
    if (ctx.typeCode !== VERIFY_EMAIL || typeof params.email === 'string') return params;
    const email = subjectOf(ctx.recordId)?.email;
    return email ? { ...params, email } : params;
  };
}
