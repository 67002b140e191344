/** How restarts back off: doubling from `baseMs` up to `maxMs`, spread by ±`jitter` (a fraction) so workers do not restart in step. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly jitter: number;
}

/** The wait before restart number `attempt` (1-based); `random` returns [0, 1). */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const plain = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(0, Math.round(plain * (1 + policy.jitter * (random() * 2 - 1))));
}
