/** Maps a real-site URL (from the store) onto the origin the worker browses: same path, query and hash. */
export function toBrowserUrl(realUrl: string, baseUrl: string): string {
  const real = new URL(realUrl, baseUrl);
  return new URL(real.pathname + real.search + real.hash, baseUrl).toString();
}

/**
 * Reads a link seen in the browser back as a real-site URL: relative links resolve against the page, links on the
 * browsed origin move onto the pack's origin; anything not http(s) is refused (null).
 */
export function toRealUrl(href: string, pageUrl: string, baseUrl: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim(), pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.origin !== new URL(baseUrl).origin) return url.toString();
  return new URL(url.pathname + url.search + url.hash, origin).toString();
}

/** A profile URL reduced for comparison: host without www, path without trailing slash, lower case, no query. */
export function profileKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${decodeURIComponent(u.pathname).replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}
