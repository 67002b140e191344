import { Resolver } from 'node:dns/promises';
import type { WorkItem, WorkOutcome, WorkerProfile } from '../../../shared/worker-protocol/messages';
import { ChannelError, type Channel } from '../channel';
import { RouteCache } from './route-cache';
import { verifierSettings, verifyEmailParams } from './verifier-settings';
import { verifyAddress, type VerifierCheck, type VerifyDeps } from './verify-address';

/** The profile type code served by the local verifier. */
export const LOCAL_VERIFIER_TYPE = 'local_verifier';

// DNS failures that mean the resolver could not be reached at all, as opposed to a server answering badly.
const NETWORK_CODES = new Set(['ETIMEOUT', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);

/** The verifier's dependencies for a profile: its checks and a route cache over a resolver with its servers and timeout. */
export function verifierDeps(profile: Pick<WorkerProfile, 'settings'>): VerifyDeps {
  const settings = verifierSettings.parse(profile.settings);
  const resolver = new Resolver({ timeout: settings.dnsTimeoutSeconds * 1000, tries: 2 });
  if (settings.dnsServers.length > 0) resolver.setServers(settings.dnsServers);
  const cache = new RouteCache(resolver, settings.cacheTtlSeconds * 1000);
  const checks = new Set(settings.checks.filter((c): c is VerifierCheck => c !== 'syntax'));
  return { checks, routeOf: (domain) => cache.get(domain) };
}

/** Verifies email addresses locally (syntax, MX, disposable, role, typo); verify_email enrichments only. */
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
