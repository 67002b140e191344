// Local email verification: 10,000 addresses over 500 domains against a real DNS server on 127.0.0.1 (per-domain route
// cache, 50 verifications in flight), against raw resolveMx calls for the same 500 domains in the same run as baseline.
import { Resolver } from 'node:dns/promises';
import { verifierDeps } from '../src/workers/channels/local-verifier/local-verifier-channel';
import { verifyAddress } from '../src/workers/channels/local-verifier/verify-address';
import { startDnsServer, type DnsRecords } from '../tests/helpers/dns-server';
import { report } from './measure';

const DOMAINS = 500;
const ADDRESSES = 10_000;
const IN_FLIGHT = 50;

/** A zone of 500 domains: most with MX records, every 10th with only an A record, every 25th with none. */
function zone(): Record<string, DnsRecords> {
  return Object.fromEntries(
    Array.from({ length: DOMAINS }, (_, d) => {
      const name = `company${d}.test`;
      if (d % 25 === 0) return [name, { txt: ['v=spf1 -all'] }];
      if (d % 10 === 0) return [name, { a: ['192.0.2.1'] }];
      return [name, { mx: [{ exchange: `mx1.${name}`, priority: 10 }, { exchange: `mx2.${name}`, priority: 20 }] }];
    }),
  );
}

/** Runs `tasks` with at most `limit` in flight; resolves with the elapsed seconds. */
async function timed(count: number, limit: number, task: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Runs the verification benchmark and prints its figures. */
export async function benchVerify(): Promise<void> {
  console.log(`local email verification (${ADDRESSES.toLocaleString('en')} addresses over ${DOMAINS} domains, dns2 server on 127.0.0.1)`);
  const dns = await startDnsServer(zone());
  try {
    const resolver = new Resolver({ timeout: 5000, tries: 2 });
    resolver.setServers([dns.server]);
    const raw = await timed(DOMAINS, IN_FLIGHT, (d) => resolver.resolveMx(`company${d}.test`).catch(() => []));
    const baseline = { name: 'raw resolveMx', value: DOMAINS / raw };
    report(`raw resolveMx, ${DOMAINS} domains`, baseline.value, 'lookups/s');
    const deps = verifierDeps({ settings: { dnsServers: [dns.server] } });
    const before = dns.queries;
    const verdicts = new Map<string, number>();
    const seconds = await timed(ADDRESSES, IN_FLIGHT, async (i) => {
      const { verdict } = await verifyAddress(`person${i}@company${i % DOMAINS}.test`, deps);
      verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
    });
    report('verify, cold route cache', ADDRESSES / seconds, 'addresses/s', baseline);
    console.log(`  ${dns.queries - before} DNS questions for ${ADDRESSES} addresses; verdicts ${JSON.stringify(Object.fromEntries(verdicts))}`);
    const warm = await timed(ADDRESSES, IN_FLIGHT, (i) => verifyAddress(`other${i}@company${i % DOMAINS}.test`, deps));
    report('verify, warm route cache (no DNS)', ADDRESSES / warm, 'addresses/s', baseline);
  } finally {
    await dns.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void benchVerify();
