import { POPULAR_DOMAINS, run } from '@zootools/email-spell-checker';

const providers: ReadonlySet<string> = new Set(POPULAR_DOMAINS);

// The suggestion depends on the domain only; the fuzzy match is the costly part, so it is kept per domain (bounded).
const byDomain = new Map<string, string | null>();
const MAX_DOMAINS = 50_000;

function suggestDomain(domain: string): string | null {
  const cached = byDomain.get(domain);
  if (cached !== undefined) return cached;
  const suggested = run({ email: `x@${domain}` })?.domain ?? null;
  const result = suggested !== null && suggested !== domain && providers.has(suggested) ? suggested : null;
  if (byDomain.size >= MAX_DOMAINS) byDomain.clear();
  byDomain.set(domain, result);
  return result;
}

/**
 * The address the person probably meant when the domain looks like a misspelt common provider (gmial.com -> gmail.com),
 * else null; only suggestions of a common provider count, so a company's own domain is never "corrected".
 */
export function suggestAddress(local: string, domain: string): string | null {
  const suggested = suggestDomain(domain);
  return suggested === null ? null : `${local}@${suggested}`;
}
