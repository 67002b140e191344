import type { Clock } from '../../../shared/clock';
import { ApiError } from '../api-error';

/** How many wrong credentials a client may present within the window before it is made to wait. */
export interface FailedAuthPolicy {
  readonly limit: number;
  readonly windowMs: number;
}

/** Default: 10 wrong keys or login codes a minute; a locked-out client waits at most a minute. */
export const defaultFailedAuthPolicy: FailedAuthPolicy = { limit: 10, windowMs: 60_000 };

/** A 429 refusal carrying how long the client should wait (sent as Retry-After). */
export class RateLimitedError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_requests', `too many wrong API keys or login codes from this client; try again in ${retryAfterSeconds} s`);
  }
}

/**
 * Counts failed authentications (a wrong or malformed API key, a wrong login code) per client address in a
 * sliding window. Only the last `limit` failures are kept, so memory stays bounded and a guesser gets at most
 * `limit` tries per window; requests without credentials are never counted, so an idle sign-in screen never trips it.
 */
export class FailedAuthLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: FailedAuthPolicy = defaultFailedAuthPolicy,
  ) {}

  /** Throws a RateLimitedError while `client` has `limit` failures inside the window. */
  assertAllowed(client: string): void {
    const now = this.clock.now();
    const recent = this.recent(client, now);
    if (recent.length < this.policy.limit) return;
    const oldest = recent[0] ?? now;
    throw new RateLimitedError(Math.max(1, Math.ceil((oldest + this.policy.windowMs - now) / 1000)));
  }

  /** Records one failed authentication by `client`. */
  recordFailure(client: string): void {
    const now = this.clock.now();
    const recent = this.recent(client, now);
    recent.push(now);
    this.failures.set(client, recent.slice(-this.policy.limit));
  }

  /** Forgets every failure (tests that present many wrong keys on purpose). */
  reset(): void {
    this.failures.clear();
  }

  private recent(client: string, now: number): number[] {
    const kept = (this.failures.get(client) ?? []).filter((at) => at > now - this.policy.windowMs);
    if (kept.length === 0) this.failures.delete(client);
    return kept;
  }
}
