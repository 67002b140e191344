import type { ProfileQuotaUsage } from '../../shared/contract/schemas/quotas';
import { toIso } from '../../shared/iso-time';
import { actionRules } from './action-rules';
import { evaluate } from './evaluate';
import type { FailureCount } from './failure-counts';
import type { ProfilePolicy } from './policy-source';
import { rampEnd, rampedMax, rampPercent } from './ramp-up';
import { describeSchedule } from './sending-schedule';
import type { SqlUseHistory } from './sql-use-history';

/** A profile's quotas as the Profiles screen shows them: every limited action's usage, today's failures vs caps, the schedule. */
export function describeUsage(entry: ProfilePolicy, history: SqlUseHistory, failures: FailureCount, now: number): ProfileQuotaUsage {
  const { policy } = entry;
  const percent = rampPercent(policy.rampUp, entry.createdAt, now);
  const actions = Object.entries(policy.quotas)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([action, quota]) => {
      const uses = history.at(entry.profileId, action);
      const verdict = evaluate(actionRules(entry, action, policy.timezone), uses, now, null);
      return {
        action,
        used: uses.countAfter(now - quota.windowSeconds * 1000),
        max: rampedMax(quota.max, policy.rampUp, entry.createdAt, now),
        configuredMax: quota.max,
        windowSeconds: quota.windowSeconds,
        minGapSeconds: quota.minGapSeconds,
        jitterSeconds: quota.jitterSeconds,
        nextAllowedAt: toIso(verdict.allowedAt),
        reason: verdict.reason,
      };
    });
  const fullAt = rampEnd(policy.rampUp, entry.createdAt);
  return {
    profileId: entry.profileId,
    profileName: entry.name,
    typeCode: entry.typeCode,
    timezone: policy.timezone,
    schedule: describeSchedule(policy.schedule, policy.timezone),
    rampUp: percent < 100 && fullAt !== null ? { percent, fullAt: toIso(fullAt) } : null,
    perDomainDailyCap: policy.perDomainDailyCap,
    failed: { today: failures.failed, cap: policy.dailyFailedCap },
    aborted: { today: failures.aborted, cap: policy.dailyAbortedCap },
    actions,
  };
}
