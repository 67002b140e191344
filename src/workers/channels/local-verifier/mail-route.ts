import { emptyWhenAbsent } from '../../../shared/dns-absent';

/** The DNS lookups the verifier needs (a subset of node's `dns.promises.Resolver`), injectable for tests and benches. */
export interface MailResolver {
  resolveMx(domain: string): Promise<{ exchange: string; priority: number }[]>;
  resolve4(domain: string): Promise<string[]>;
  resolve6(domain: string): Promise<string[]>;
}

/** How a domain receives mail, per RFC 5321 §5.1 and RFC 7505. */
export type MailRoute =
  | { readonly kind: 'mx'; readonly hosts: readonly string[] }
  /** No MX record but an address record: the domain itself is the implicit MX. */
  | { readonly kind: 'a_fallback'; readonly hosts: readonly string[] }
  /** A single MX of "." : the domain says it accepts no mail. */
  | { readonly kind: 'null_mx' }
  /** The domain does not exist, or has neither MX nor address records. */
  | { readonly kind: 'none' };

/** Resolves how mail reaches a domain: MX hosts by preference, else the A/AAAA fallback; throws when DNS itself failed. */
export async function lookupMailRoute(resolver: MailResolver, domain: string): Promise<MailRoute> {
  const mx = await emptyWhenAbsent(resolver.resolveMx(domain));
  if (mx.length === 1 && (mx[0]?.exchange === '' || mx[0]?.exchange === '.')) return { kind: 'null_mx' };
  const hosts = mx.filter((r) => r.exchange !== '' && r.exchange !== '.').sort((a, b) => a.priority - b.priority);
  if (hosts.length > 0) return { kind: 'mx', hosts: hosts.map((r) => r.exchange.toLowerCase()) };
  const addresses = await emptyWhenAbsent(resolver.resolve4(domain));
  const all = addresses.length > 0 ? addresses : await emptyWhenAbsent(resolver.resolve6(domain));
  return all.length > 0 ? { kind: 'a_fallback', hosts: [domain] } : { kind: 'none' };
}
