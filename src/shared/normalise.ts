// Normal forms of the keys that deduplicate leads and companies (DOMAIN.md, "Records").

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\/|^\/\//i;
const HOSTNAME = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** Lower-cased, trimmed e-mail address, or null unless it has one @ and a dotted domain. */
export function normaliseEmail(input: string | null | undefined): string | null {
  const email = (input ?? '').trim().toLowerCase().replace(/^mailto:/, '');
  const parts = email.split('@');
  if (parts.length !== 2 || /\s/.test(email)) return null;
  const [local, domain] = parts as [string, string];
  return local !== '' && HOSTNAME.test(domain) ? email : null;
}

/** Bare lower-case host name (no scheme, `www.`, path, port or trailing dot) of a URL, domain or e-mail, or null. */
export function normaliseDomain(input: string | null | undefined): string | null {
  let host = (input ?? '').trim().toLowerCase().replace(/^mailto:/, '').replace(SCHEME, '');
  host = host.split(/[/?#]/)[0] ?? '';
  host = host.slice(host.lastIndexOf('@') + 1).replace(/:\d*$/, '').replace(/\.+$/, '').replace(/^www\./, '');
  return HOSTNAME.test(host) ? host : null;
}

/** `linkedin.com/in/<slug>` or `linkedin.com/company/<slug>` for any form of a LinkedIn profile or company URL, or null. */
export function normaliseLinkedinUrl(input: string | null | undefined): string | null {
  const url = splitUrl(input, 'linkedin.com');
  if (!url) return null;
  const [kind, slug, salesId] = url.segments;
  // Sales Navigator links (`/sales/lead/<member id>,NAME_SEARCH,x`) name the same member id as `/in/<member id>`.
  if (kind === 'sales' && (slug === 'lead' || slug === 'people' || slug === 'profile') && salesId) return `linkedin.com/in/${salesId.split(',')[0]}`;
  if ((kind !== 'in' && kind !== 'company') || !slug) return null;
  return `linkedin.com/${kind}/${slug}`;
}

/**
 * Whether a normalised LinkedIn or Facebook URL is the alternative form of a profile: LinkedIn's member id
 * (`/in/ACwAA…`, what Sales Navigator exports) rather than the public slug, Facebook's `profile.php?id=` rather than a vanity name.
 */
export function isAlternativeProfileUrl(norm: string): boolean {
  return /^linkedin\.com\/in\/ac[a-z]aa[a-z0-9_-]{16,}$/.test(norm) || norm.startsWith('facebook.com/profile.php?id=');
}

/** `facebook.com/<path>` (keeping `profile.php?id=N`) for any form of a Facebook URL, or null. */
export function normaliseFacebookUrl(input: string | null | undefined): string | null {
  const url = splitUrl(input, 'facebook.com');
  if (!url || url.segments.length === 0) return null;
  const path = url.segments.join('/');
  // `facebook.com/100004123456789` is the numeric profile id, as `profile.php?id=` writes it.
  if (/^\d{5,}$/.test(path)) return `facebook.com/profile.php?id=${path}`;
  if (path !== 'profile.php') return `facebook.com/${path}`;
  const id = /(?:^|&)id=(\d+)(?:&|$)/.exec(url.query)?.[1];
  return id ? `facebook.com/profile.php?id=${id}` : null;
}

/** Path segments (decoded, lower-case) and query of a URL on `site` or any of its sub-domains, or null for another site. */
function splitUrl(input: string | null | undefined, site: string): { segments: string[]; query: string } | null {
  const rest = (input ?? '').trim().replace(SCHEME, '');
  const match = /^([^/?#]*)([^?#]*)(?:\?([^#]*))?/.exec(rest);
  const host = (match?.[1] ?? '').toLowerCase().replace(/:\d*$/, '').replace(/\.+$/, '');
  if (host !== site && !host.endsWith(`.${site}`)) return null;
  const segments = (match?.[2] ?? '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeSegment(s).toLowerCase());
  return { segments, query: match?.[3] ?? '' };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray `%` is part of the slug, not an escape.
    return segment;
  }
}

// Legal forms dropped from the end of a company name: "Acme, Inc." and "ACME GmbH" are both "acme".
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'pllc', 'gmbh', 'mbh', 'ag', 'kg',
  'kgaa', 'ug', 'ev', 'sa', 'sas', 'sarl', 'sasu', 'srl', 'spa', 'sl', 'bv', 'nv', 'vof', 'oy', 'oyj', 'ab', 'as', 'asa', 'aps', 'pty', 'pte', 'kk', 'se',
]);

/** Words of a company name for comparison: diacritics, case and punctuation removed ("Müller & Co." → ["muller", "co"]). */
export function companyNameWords(input: string | null | undefined): string[] {
  return (input ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // Dots and apostrophes join: "G.m.b.H." is "gmbh", "O'Reilly" is "oreilly".
    .replace(/[.'’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Whether a word of a company name is a legal form such as "inc" or "gmbh". */
export const isLegalForm = (word: string): boolean => LEGAL_FORMS.has(word);

/**
 * Comparable form of a company name: its words without trailing legal forms, run together so spacing does not count
 * ("Acme, Inc." → "acme", "Engines.io" and "Engines IO" → "enginesio"), or null when nothing is left.
 */
export function normaliseCompanyName(input: string | null | undefined): string | null {
  const words = companyNameWords(input);
  while (words.length > 1 && isLegalForm(words[words.length - 1] ?? '')) words.pop();
  const name = words.join('');
  return name === '' ? null : name;
}

/** Parts of a person's name. */
export interface NameParts {
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
}

const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'sir', 'dame', 'madam', 'mme', 'mlle', 'herr', 'frau']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'mba', 'esq', 'cpa']);
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'ter', 'ten', 'bin', 'al']);

/** First, middle and last name of "Dr. Ada K. Lovelace", "Lovelace, Ada" or "Ludwig van Beethoven" (titles and suffixes dropped). */
export function splitFullName(input: string | null | undefined): NameParts {
  const text = (input ?? '').trim().replace(/\s+/g, ' ');
  const comma = text.indexOf(',');
  const bare = (s: string) => s.toLowerCase().replace(/\./g, '');
  if (comma >= 0 && !SUFFIXES.has(bare(text.slice(comma + 1).trim()))) {
    const given = words(text.slice(comma + 1).replace(/,/g, ' '));
    return parts(given[0], given.slice(1), words(text.slice(0, comma)));
  }
  const tokens = words(text.replace(/,/g, ' '));
  let lastStart = tokens.length - 1;
  while (lastStart > 1 && PARTICLES.has(tokens[lastStart - 1]?.toLowerCase() ?? '')) lastStart--;
  if (tokens.length === 1) return parts(tokens[0], [], []);
  return parts(tokens[0], tokens.slice(1, lastStart), tokens.slice(lastStart));

  function words(s: string): string[] {
    const all = s.split(' ').filter((w) => w !== '');
    while (all.length > 1 && HONORIFICS.has(bare(all[0] ?? ''))) all.shift();
    while (all.length > 1 && SUFFIXES.has(bare(all[all.length - 1] ?? ''))) all.pop();
    return all;
  }
}

function parts(first: string | undefined, middle: string[], last: string[]): NameParts {
  return { firstName: first || null, middleName: middle.join(' ') || null, lastName: last.join(' ') || null };
}
