/** The URL scheme the OS hands to Outpost: `outpost://lead/<id>`. */
export const DEEP_LINK_SCHEME = 'outpost';

/** What a deep link asks for. */
export type DeepLink = { readonly kind: 'lead'; readonly leadId: number };

/** Parses `outpost://lead/<id>` (a trailing slash is tolerated); anything else, including ids that are not positive integers, is null. */
export function parseDeepLink(raw: string): DeepLink | null {
  if (raw.length > 200) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || url.username || url.password || url.port || url.search || url.hash) return null;
  if (url.hostname.toLowerCase() !== 'lead') return null;
  const match = /^\/([1-9]\d{0,14})\/?$/.exec(url.pathname);
  if (!match) return null;
  const leadId = Number(match[1]);
  return Number.isSafeInteger(leadId) ? { kind: 'lead', leadId } : null;
}

/** The deep link among a launch's arguments (Windows and Linux pass it on the command line of the second instance). */
export function deepLinkFromArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const link = parseDeepLink(arg);
    if (link) return link;
  }
  return null;
}
