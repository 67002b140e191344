import type { EmailDoctorReport } from '../../shared/contract/schemas/email-doctor';
import { lookupFailure, txtRecords, type DoctorResolver } from './doctor-dns';

/** Selectors the common providers use (Google Workspace, Microsoft 365, cPanel and many hosts, Mailchimp/Mandrill and others). */
export const COMMON_DKIM_SELECTORS = ['google', 'selector1', 'selector2', 'default', 'k1'] as const;

const keyOf = (records: string[]): string | undefined => records.find((r) => /(^|;)\s*p=/i.test(r) || /^v=DKIM1/i.test(r.trim()));

/**
 * Looks for a DKIM key at the operator's selector, or else at the common ones. A key with an empty `p=` is revoked.
 * Not finding one among the common selectors only warns: the provider may use another selector (ask it, then enter it).
 */
export async function checkDkim(resolver: DoctorResolver, domain: string, selector?: string): Promise<EmailDoctorReport['dkim']> {
  const tried = selector ? [selector] : [...COMMON_DKIM_SELECTORS];
  const problems: string[] = [];
  let failed = 0;
  const selectors = await Promise.all(
    tried.map(async (s) => {
      try {
        const record = keyOf(await txtRecords(resolver, `${s}._domainkey.${domain}`)) ?? null;
        if (record !== null && /(^|;)\s*p=\s*(;|$)/i.test(record)) problems.push(`the key at selector "${s}" is revoked (empty p=)`);
        return { selector: s, found: record !== null, record };
      } catch (error) {
        failed++;
        problems.push(lookupFailure(`DKIM selector "${s}"`, error));
        return { selector: s, found: false, record: null };
      }
    }),
  );
  const live = selectors.some((s) => s.found && !/(^|;)\s*p=\s*(;|$)/i.test(s.record ?? ''));
  if (live) return { status: 'pass', selectors, problems };
  if (failed === tried.length) return { status: 'unknown', selectors, problems };
  if (selector) return { status: 'fail', selectors, problems: [...problems, `no DKIM key at ${selector}._domainkey.${domain}`] };
  return { status: 'warn', selectors, problems: [...problems, `no DKIM key at the common selectors (${tried.join(', ')}); enter the selector your mail provider uses`] };
}
