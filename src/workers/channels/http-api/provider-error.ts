import { ChannelError } from '../channel';

/** A provider failure whose kind is known, with the detail kept on the item (status, the wait asked for). */
export class ProviderError extends ChannelError {
  constructor(
    kind: 'transient' | 'permanent',
    message: string,
    readonly output: Record<string, unknown>,
    network = false,
  ) {
    super(kind, message, network);
  }
}

// Failures that mean no network at all (DNS could not resolve, no route), as opposed to one server being down.
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);

/**
 * Seconds the provider asked us to wait: `Retry-After` (seconds or an HTTP date), else `X-RateLimit-Reset`
 * (seconds from now, or a Unix time in seconds or milliseconds when it is that large); null when neither says.
 */
export function retryAfterSeconds(headers: Headers, now: number): number | null {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000));
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    const value = Number(reset);
    if (value > 1e12) return Math.max(0, Math.ceil((value - now) / 1000));
    return value > 1e9 ? Math.max(0, Math.ceil(value - now / 1000)) : Math.ceil(value);
  }
  return null;
}

/** The provider's own words about a failure, from the usual JSON error shapes or the text; never the API key. */
export function providerMessage(text: string, apiKey: string): string {
  let message = text.trim();
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const error = json.error;
    const first = Array.isArray(json.errors) ? (json.errors[0] as Record<string, unknown> | undefined) : undefined;
    const candidates = [json.message, typeof error === 'object' && error ? (error as Record<string, unknown>).message : error, first?.details, first?.message];
    message = candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '') ?? message;
  } catch {
    // Not JSON: the text itself is the message.
  }
  const redacted = apiKey ? message.split(apiKey).join('***') : message;
  return redacted.length > 300 ? `${redacted.slice(0, 300)}…` : redacted;
}

/** Classifies a non-2xx answer: 401/403 key refused, 402 out of credits, other 4xx permanent, 429 and 5xx transient with the wait asked for. */
export function errorForResponse(status: number, headers: Headers, text: string, apiKey: string, now: number): ProviderError {
  const said = providerMessage(text, apiKey);
  const detail = said ? `: ${said}` : '';
  if (status === 401 || status === 403) {
    return new ProviderError('permanent', `API key refused (HTTP ${status})${detail}; check the profile's API key`, { status, authFailed: true });
  }
  if (status === 402) return new ProviderError('permanent', `out of credits (HTTP 402)${detail}`, { status, outOfCredits: true });
  if (status === 429 || status >= 500) {
    const wait = retryAfterSeconds(headers, now);
    const what = status === 429 ? 'rate limited' : 'provider error';
    const when = wait === null ? '' : `; retry after ${wait} s`;
    return new ProviderError('transient', `${what} (HTTP ${status})${detail}${when}`, { status, ...(wait === null ? {} : { retryAfterSeconds: wait }) });
  }
  return new ProviderError('permanent', `provider refused the request (HTTP ${status})${detail}`, { status });
}

/** Classifies a request that got no answer: a timeout or refused connection is transient; DNS or no route also means no network. */
export function errorForFetchFailure(error: unknown, timeoutSeconds: number, host: string): ProviderError {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new ProviderError('transient', `no answer from ${host} within ${timeoutSeconds} s`, { timedOut: true });
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new ProviderError('transient', `could not reach ${host}: ${message}`, { code }, NETWORK_CODES.has(code));
}
