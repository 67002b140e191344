import { Resolver } from 'node:dns/promises';
import type { WorkItem, WorkOutcome, WorkerProfile } from '../../../shared/worker-protocol/messages';
import { ChannelError, type Channel } from '../channel';
import { RouteCache } from './route-cache';
import { probeRecipient } from './smtp-probe';
import { verifierSettings, verifyEmailParams } from './verifier-settings';
import { verifyAddress, type VerifierCheck, type VerifyDeps } from './verify-address';

/** The profile type code served by the local verifier. */
export const LOCAL_VERIFIER_TYPE = 'local_verifier';

// DNS failures that mean the resolver could not be reached at all, as opposed to a server answering badly.
const NETWORK_CODES = new Set(['ETIMEOUT', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);

/** The verifier's dependencies for a profile: its checks and a route cache over a resolver with its servers and timeout. */
export function verifierDeps(profile: Pick<WorkerProfile, 'settings'>): VerifyDeps {
  const parsed = verifierSettings.safeParse(profile.settings);
  // Settings the verifier cannot use will not work on a restart either: a permanent failure marks the profile failed.
  if (!parsed.success) throw new ChannelError('permanent', `verifier settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const settings = parsed.data;
  const resolver = new Resolver({ timeout: settings.dnsTimeoutSeconds * 1000, tries: 2 });
  if (settings.dnsServers.length > 0) resolver.setServers(settings.dnsServers);
  const cache = new RouteCache(resolver, settings.cacheTtlSeconds * 1000);
  const checks = new Set(settings.checks.filter((c): c is VerifierCheck => c !== 'syntax'));
  const { enabled, timeoutSeconds, ...probe } = settings.smtpProbe;
  const addressOf = async (host: string) => (await resolver.resolve4(host))[0] ?? host;
  return {
    checks,
    routeOf: (domain) => cache.get(domain),
    ...(enabled ? { probe: (address, domain, hosts) => probeRecipient(address, domain, hosts, { ...probe, timeoutMs: timeoutSeconds * 1000, addressOf }) } : {}),
  };
}

/** Verifies email addresses locally (syntax, MX, disposable, role, typo, and the optional SMTP RCPT probe); verify_email enrichments only. */
export function createLocalVerifierChannel(): Channel {
  let deps: VerifyDeps | null = null;
  return {
    async open(profile) {
      deps = verifierDeps(profile);
    },
    async perform(item: WorkItem): Promise<WorkOutcome> {
      if (!deps) throw new ChannelError('transient', 'the verifier is not open');
      if (item.kind !== 'enrichment' || item.typeCode !== 'verify_email') {
        throw new ChannelError('permanent', `the local verifier does not perform ${item.kind} ${item.typeCode} items`);
      }
      const params = verifyEmailParams.safeParse(item.params);
      if (!params.success) throw new ChannelError('permanent', params.error.issues[0]?.message ?? 'bad params');
      try {
        const output = await verifyAddress(params.data.email, deps);
        return { outcome: 'performed', output, hit: output.verdict === 'valid', effects: [] };
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        throw new ChannelError('transient', `DNS lookup failed: ${error instanceof Error ? error.message : String(error)}`, NETWORK_CODES.has(code));
      }
    },
    async close() {
      deps = null;
    },
  };
}
