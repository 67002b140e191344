import type { VerificationOutput } from '../../../shared/email-verification';
import { isDisposableDomain } from './disposable-domains';
import type { MailRoute } from './mail-route';
import { parseAddress } from './parse-address';
import { isRoleAddress } from './role-addresses';
import { suggestAddress } from './typo-suggestion';

/** The optional checks a local verifier profile runs (syntax, role and typo checks always run: they cost nothing). */
export type VerifierCheck = 'mx' | 'disposable';

/** What verifying one address needs: which checks to run and where mail routes come from. */
export interface VerifyDeps {
  readonly checks: ReadonlySet<VerifierCheck>;
  routeOf(domain: string): Promise<MailRoute>;
}

const NO_MAIL: Record<Exclude<MailRoute['kind'], 'mx' | 'a_fallback'>, string> = {
  null_mx: 'the domain publishes a null MX: it accepts no mail',
  none: 'the domain has no MX and no address record (or does not exist)',
};

/**
 * Verifies one address without contacting its mail server: syntax, how its domain receives mail, disposable domain,
 * role address and likely typo. invalid beats disposable beats risky (role, typo) beats valid. Throws when DNS failed.
 */
export async function verifyAddress(email: string, deps: VerifyDeps): Promise<VerificationOutput> {
  const parsed = parseAddress(email);
  if (!parsed) {
    return { email, verdict: 'invalid', reasons: ['not a valid address (RFC 5321/5322 syntax)'], domain: null, mail: 'unchecked', mxHosts: [], disposable: false, role: false, suggestion: null };
  }
  const reasons: string[] = [];
  const route = deps.checks.has('mx') ? await deps.routeOf(parsed.domain) : null;
  if (route && (route.kind === 'null_mx' || route.kind === 'none')) reasons.push(NO_MAIL[route.kind]);
  const disposable = deps.checks.has('disposable') && isDisposableDomain(parsed.domain);
  if (disposable) reasons.push('a disposable (throwaway) mailbox domain');
  const role = isRoleAddress(parsed.local);
  if (role) reasons.push('a role address, not a person');
  const suggestion = suggestAddress(parsed.local, parsed.domain);
  if (suggestion) reasons.push(`looks like a typo of ${suggestion}`);
  const noMail = route !== null && (route.kind === 'null_mx' || route.kind === 'none');
  return {
    email: parsed.address,
    verdict: noMail ? 'invalid' : disposable ? 'disposable' : role || suggestion ? 'risky' : 'valid',
    reasons,
    domain: parsed.domain,
    mail: route?.kind ?? 'unchecked',
    mxHosts: route && 'hosts' in route ? [...route.hosts] : [],
    disposable,
    role,
    suggestion,
  };
}
