import type { Database, Statement } from 'better-sqlite3';
import { normaliseDomain, normaliseEmail, normaliseFacebookUrl, normaliseLinkedinUrl } from '../../shared/normalise';

/** Kind of a suppression entry: which lead or company key it is compared with. */
export type SuppressionKind = 'email' | 'domain' | 'linkedin' | 'facebook';

/** Addresses of someone about to be contacted, in any form (they are normalised here). */
export interface SuppressionProbe {
  readonly email?: string | null | undefined;
  readonly domain?: string | null | undefined;
  readonly linkedinUrl?: string | null | undefined;
  readonly facebookUrl?: string | null | undefined;
}

/** The live entry that forbids contact. */
export interface SuppressionHit {
  readonly kind: SuppressionKind;
  readonly value: string;
  readonly reason: string;
}

type Key = [SuppressionKind, string];

/** The normalised keys a probe is looked up by; an email's domain counts as a domain too. */
export function suppressionKeys(probe: SuppressionProbe): Key[] {
  const keys: Key[] = [];
  const email = normaliseEmail(probe.email);
  if (email) keys.push(['email', email]);
  for (const domain of new Set([normaliseDomain(email), normaliseDomain(probe.domain)])) if (domain) keys.push(['domain', domain]);
  const linkedin = normaliseLinkedinUrl(probe.linkedinUrl);
  if (linkedin) keys.push(['linkedin', linkedin]);
  const facebook = normaliseFacebookUrl(probe.facebookUrl);
  if (facebook) keys.push(['facebook', facebook]);
  return keys;
}

const lookups = new WeakMap<Database, Statement<[string, string], SuppressionHit>>();

function lookup(sqlite: Database): Statement<[string, string], SuppressionHit> {
  let st = lookups.get(sqlite);
  if (!st) {
    st = sqlite.prepare('SELECT kind, value, reason FROM suppressions WHERE kind = ? AND value = ? AND deleted_at IS NULL LIMIT 1');
    lookups.set(sqlite, st);
  }
  return st;
}

/** The suppression entry that forbids contacting these addresses (email first, then domain, LinkedIn, Facebook), or null. */
export function isSuppressed(sqlite: Database, probe: SuppressionProbe): SuppressionHit | null {
  const st = lookup(sqlite);
  for (const [kind, value] of suppressionKeys(probe)) {
    const hit = st.get(kind, value);
    if (hit) return hit;
  }
  return null;
}

/** The text an aborted item carries when the suppression list stopped it. */
export const suppressionText = (hit: SuppressionHit): string => `suppressed: ${hit.kind} ${hit.value} (${hit.reason})`;
