/** The release feed electron-builder publishes to and the packaged app reads (generic HTTPS provider); override with OUTPOST_UPDATE_URL. */
export const DEFAULT_UPDATE_FEED = 'https://updates.outpost-desk.app/desktop/';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The generic-provider feed electron-updater reads `latest.yml` / `beta.yml` and the installers from. */
export interface UpdateFeed {
  readonly provider: 'generic';
  readonly url: string;
}

/**
 * The feed to use: the given URL (OUTPOST_UPDATE_URL) or the default. Only https is accepted, except plain http on
 * the loopback interface, which is how a local folder is served to test the update flow.
 */
export function resolveUpdateFeed(raw: string | undefined): UpdateFeed {
  const value = raw?.trim() || DEFAULT_UPDATE_FEED;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`OUTPOST_UPDATE_URL: expected an https URL, got "${value}"`);
  }
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !local) throw new Error(`OUTPOST_UPDATE_URL: only https feeds (or http on 127.0.0.1 for testing) are accepted, got "${value}"`);
  if (url.username || url.password || url.search || url.hash) throw new Error('OUTPOST_UPDATE_URL: the feed URL must not carry credentials, a query or a fragment');
  return { provider: 'generic', url: url.href.endsWith('/') ? url.href : `${url.href}/` };
}

const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);

/** Whether an updater failure only means the feed could not be reached (no network, DNS, refused): not worth alarming the operator. */
export function isOfflineError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && OFFLINE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|CONNECTION_(REFUSED|RESET|TIMED_OUT|CLOSED)|NETWORK_CHANGED|ADDRESS_UNREACHABLE|PROXY_CONNECTION_FAILED)|\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH)\b/.test(message);
}
