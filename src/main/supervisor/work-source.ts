import type { WorkKind } from '../../shared/work-kind';
import type { PauseReason } from '../store/schema';
import type { WorkItem, WorkOutcome } from '../../shared/worker-protocol/messages';

/** What the worker asking for work can do beyond performing items. */
export interface ClaimCapabilities {
  /** The worker's channel can verify items of unknown outcome. */
  readonly verify: boolean;
}

/** What became of a reported outcome. */
export interface CompleteResult {
  /** False when the worker no longer held that attempt's lease: nothing was written. */
  readonly accepted: boolean;
  /** The profile must pause: it reached a failure cap ('failure_cap'), or its channel asked (captcha, login wall, warning, refused credentials). */
  readonly pause: { readonly reason: PauseReason; readonly detail: string | null } | null;
}

/** Main's answer to a worker asking to begin an external effect. */
export interface EffectVerdict {
  readonly accepted: boolean;
  readonly reason?: string;
}

/** An item whose lease ran out, and where it went. */
export interface ExpiredLease {
  readonly kind: WorkKind;
  readonly id: number;
  readonly profileId: number;
  /** The worker that held it. */
  readonly owner: string;
  readonly status: 'pending' | 'failed' | 'unknown';
}

/** Where workers' due work comes from and where its results go; every call is one main-process transaction. */
export interface WorkSource {
  /** Leases up to `max` due items assigned to the profile to this worker. */
  claim(profileId: number, workerId: string, max: number, capabilities?: ClaimCapabilities): WorkItem[];
  /** Records that an attempt is about to begin an external effect, unless an earlier attempt may already have done it. */
  beginEffect(workerId: string, ticket: string, idempotencyKey: string): EffectVerdict;
  /** Writes an item's outcome if this worker still holds that attempt's lease. */
  complete(workerId: string, ticket: string, outcome: WorkOutcome): CompleteResult;
  /**
   * Takes back items whose lease ran out by `asOf` (default now: a crashed, hung or stalled worker): pending again,
   * failed, or unknown if an effect began.
   */
  expireLeases(asOf?: number): ExpiredLease[];
}
