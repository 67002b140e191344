import type { WorkKind } from '../../shared/work-kind';

/** Why an action has to wait. */
export type QuotaReason = 'quota' | 'window' | 'gap' | 'ramp_up' | 'domain_cap';

/** When an action may next happen; reason is null when allowedAt is not later than the time asked about. */
export interface QuotaVerdict {
  readonly allowedAt: number;
  readonly reason: QuotaReason | null;
}

/** Rolling-window limits per (profile, action), asked before every claim and told of every use. */
export interface QuotaGate {
  /**
   * When the profile may next perform the action (to this recipient domain, if given; the sending schedule is read in the
   * recipient's IANA timezone when one is given, else in the profile's).
   */
  check(profileId: number, action: string, now: number, recipientDomain?: string | null, recipientTimezone?: string | null): QuotaVerdict;
  /** Records one use; called inside the claim transaction right after a positive check. */
  record(profileId: number, action: string, now: number, work: { kind: WorkKind; id: number }, recipientDomain?: string | null): void;
  /** True when today's failed or aborted count for the profile reached its cap, so the profile must pause. */
  failureCapReached(profileId: number, now: number): boolean;
}

/** One planned use: when it may happen, and the rule that made it later than the time before it (null: nothing held it). */
export interface QuotaSlot {
  readonly at: number;
  readonly reason: QuotaReason | null;
}

/** Who a planned use goes to, for the rules that depend on the recipient. */
export interface QuotaRecipient {
  readonly domain?: string | null;
  readonly timezone?: string | null;
}

/** A gate that can also plan ahead: the times of the next uses if each happened as soon as allowed. */
export interface QuotaPlanner extends QuotaGate {
  /** The next `n` allowed times from `from` on, respecting every rule (as if each were recorded at its time). */
  planSlots(profileId: number, action: string, from: number, n: number, recipient?: QuotaRecipient): QuotaSlot[];
}

/** A gate that allows everything, for parts tested without quotas. */
export const openQuotaGate: QuotaGate = {
  check: (_profileId, _action, now) => ({ allowedAt: now, reason: null }),
  record: () => undefined,
  failureCapReached: () => false,
};
