import type { BackoffPolicy } from './backoff';

/** Every deadline and limit of the supervisor; all measured on the injected clock except `shutdownMs`. */
export interface SupervisorTiming {
  readonly handshakeTimeoutMs: number;
  /** How often the supervisor pings workers, expires leases and wakes idle workers. */
  readonly tickMs: number;
  /** A ping unanswered this long means the worker is hung: it is killed and restarted. */
  readonly heartbeatTimeoutMs: number;
  readonly stopDeadlineMs: number;
  readonly backoff: BackoffPolicy;
  /** This many crashes within `crashWindowMs` put the profile in the failed state. */
  readonly maxCrashes: number;
  readonly crashWindowMs: number;
  /** Real time that closing the app waits for workers to stop before killing them. */
  readonly shutdownMs: number;
}

/** Production timing. */
export const defaultTiming: SupervisorTiming = {
  handshakeTimeoutMs: 20_000,
  tickMs: 5_000,
  heartbeatTimeoutMs: 20_000,
  stopDeadlineMs: 10_000,
  backoff: { baseMs: 1_000, maxMs: 60_000, jitter: 0.2 },
  maxCrashes: 5,
  crashWindowMs: 10 * 60_000,
  shutdownMs: 5_000,
};
