import type { VerificationOutput } from '../../../shared/email-verification';
import { isDisposableDomain } from './disposable-domains';
import type { MailRoute } from './mail-route';
import { parseAddress } from './parse-address';
import type { ProbeResult } from './smtp-probe';
import { isRoleAddress } from './role-addresses';
import { suggestAddress } from './typo-suggestion';

/** The optional checks a local verifier profile runs (syntax, role and typo checks always run: they cost nothing). */
export type VerifierCheck = 'mx' | 'disposable';

/** What verifying one address needs: which checks to run and where mail routes come from. */
export interface VerifyDeps {
  readonly checks: ReadonlySet<VerifierCheck>;
  routeOf(domain: string): Promise<MailRoute>;
  /** The SMTP RCPT probe, when the profile turned it on. */
  probe?: (address: string, domain: string, mxHosts: readonly string[]) => Promise<ProbeResult>;
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
    return {
      email,
      verdict: 'invalid',
      reasons: ['not a valid address (RFC 5321/5322 syntax)'],
      domain: null,
      mail: 'unchecked',
      mxHosts: [],
      disposable: false,
      role: false,
      suggestion: null,
      smtpProbe: null,
    };
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
  const mxHosts = route && 'hosts' in route ? [...route.hosts] : [];
  const local: VerificationOutput['verdict'] = noMail ? 'invalid' : disposable ? 'disposable' : role || suggestion ? 'risky' : 'valid';
  // Asking the server is worth it only when nothing local already ruled the address out.
  const probed = deps.probe && mxHosts.length > 0 && (local === 'valid' || local === 'risky') ? await deps.probe(parsed.address, parsed.domain, mxHosts) : null;
  return {
    email: parsed.address,
    verdict: probed ? probeVerdict(local, probed, reasons) : local,
    reasons,
    domain: parsed.domain,
    mail: route?.kind ?? 'unchecked',
    mxHosts,
    disposable,
    role,
    suggestion,
    smtpProbe: probed,
  };
}

/** The verdict after the probe: a refused recipient is invalid, a server taking any address is catch-all, an unclear answer leaves a valid address unknown. */
function probeVerdict(local: 'valid' | 'risky' | VerificationOutput['verdict'], probed: ProbeResult, reasons: string[]): VerificationOutput['verdict'] {
  if (probed.recipient === 'rejected') {
    reasons.push(`the mail server refused the recipient: ${probed.reply}`);
    return 'invalid';
  }
  if (probed.recipient === 'unknown') {
    reasons.push(`the mail server gave no clear answer: ${probed.reply}`);
    return local === 'valid' ? 'unknown' : local;
  }
  if (probed.catchAll) {
    reasons.push('the mail server accepts any address at this domain (catch-all)');
    return 'catch_all';
  }
  return local;
}
