import { Resolver } from 'node:dns/promises';
import { emptyWhenAbsent } from '../../shared/dns-absent';

/** The DNS lookups the doctor needs (a subset of node's `dns.promises.Resolver`), injectable for tests. */
export interface DoctorResolver {
  resolveMx(name: string): Promise<{ exchange: string; priority: number }[]>;
  resolveTxt(name: string): Promise<string[][]>;
}

/** A resolver asking the given servers (`host` or `host:port`), or the system's when none are given. */
export function doctorResolver(servers: readonly string[] = [], timeoutMs = 5_000): DoctorResolver {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
  if (servers.length > 0) resolver.setServers([...servers]);
  return resolver;
}

/** The TXT records at a name, each joined from its strings; none when the name or record does not exist. */
export async function txtRecords(resolver: DoctorResolver, name: string): Promise<string[]> {
  return (await emptyWhenAbsent(resolver.resolveTxt(name))).map((chunks) => chunks.join(''));
}

/** The message of a failed lookup, for the report. */
export const lookupFailure = (what: string, error: unknown): string =>
  `${what}: DNS lookup failed (${(error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error))})`;
