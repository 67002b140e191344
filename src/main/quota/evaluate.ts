import type { ActionQuota, RampUp } from '../../shared/contract/schemas/quota-policy';
import { gapJitterMs } from './gap-jitter';
import type { QuotaReason, QuotaVerdict } from './quota-gate';
import { nextRampStep, rampedMax } from './ramp-up';
import type { ScheduleClock } from './sending-schedule';
import type { UseHistory } from './use-history';

const DAY_MS = 86_400_000;

/** The rules for one (profile, action): its limit (null: unlimited), ramp-up, schedule and the per-domain cap. */
export interface ActionRules {
  readonly profileId: number;
  readonly action: string;
  readonly quota: ActionQuota | null;
  readonly rampUp: RampUp | null;
  /** When the profile was created (ramp-up counts from here). */
  readonly createdAt: number;
  /** Sending days and hours; applies only to actions with a limit. */
  readonly schedule: ScheduleClock | null;
  readonly perDomainDailyCap: number | null;
}

interface Step {
  at: number;
  reason: QuotaReason;
}

/** Earliest time >= t when the rolling window has room, raising the max on each ramp-up step on the way. */
function windowStep(rules: ActionRules, quota: ActionQuota, history: UseHistory, t: number): Step {
  const windowMs = quota.windowSeconds * 1000;
  let at = t;
  let reason: QuotaReason | null = null;
  for (;;) {
    const max = rampedMax(quota.max, rules.rampUp, rules.createdAt, at);
    const used = history.countAfter(at - windowMs);
    if (used < max) return { at, reason: reason ?? 'quota' };
    reason ??= max < quota.max ? 'ramp_up' : 'quota';
    const freed = history.nthAfter(at - windowMs, used - max) + windowMs;
    const step = nextRampStep(rules.rampUp, rules.createdAt, at);
    at = step !== null && step < freed ? step : freed;
  }
}

/** Earliest time >= t when the profile has sent fewer than the cap to this domain in the past 24 hours. */
function domainStep(cap: number, domain: string, history: UseHistory, t: number): number {
  const used = history.domainCountAfter(domain, t - DAY_MS);
  return used < cap ? t : history.domainNthAfter(domain, t - DAY_MS, used - cap) + DAY_MS;
}

/** Earliest time >= t past the last use's minimum gap plus its jitter. */
function gapStep(rules: ActionRules, quota: ActionQuota, history: UseHistory, t: number): number {
  const last = history.last();
  if (last === null) return t;
  const allowed = last + quota.minGapSeconds * 1000 + gapJitterMs(rules.profileId, rules.action, last, quota.jitterSeconds);
  return Math.max(t, allowed);
}

/**
 * The earliest time not before `now` that satisfies every rule, and the rule that set it (the last one that moved it).
 * Window, domain and gap rules stay satisfied once they are, so moving forward until no rule objects ends at the earliest time.
 */
export function evaluate(rules: ActionRules, history: UseHistory, now: number, domain: string | null): QuotaVerdict {
  const { quota, schedule, perDomainDailyCap } = rules;
  let t = now;
  let reason: QuotaReason | null = null;
  for (let moved = true; moved; ) {
    moved = false;
    if (quota) {
      const w = windowStep(rules, quota, history, t);
      if (w.at > t) [t, reason, moved] = [w.at, w.reason, true];
    }
    if (perDomainDailyCap !== null && domain !== null) {
      const at = domainStep(perDomainDailyCap, domain, history, t);
      if (at > t) [t, reason, moved] = [at, 'domain_cap', true];
    }
    if (quota) {
      const at = gapStep(rules, quota, history, t);
      if (at > t) [t, reason, moved] = [at, 'gap', true];
    }
    if (quota && schedule) {
      const at = schedule.openAt(t);
      if (at > t) [t, reason, moved] = [at, 'window', true];
    }
  }
  return { allowedAt: t, reason: t > now ? reason : null };
}
