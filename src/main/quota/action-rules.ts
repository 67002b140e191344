import type { ActionRules } from './evaluate';
import type { ProfilePolicy } from './policy-source';

/** The rules for one action of a profile, with the schedule read in `zone`. */
export const actionRules = (entry: ProfilePolicy, action: string, zone: string): ActionRules => ({
  profileId: entry.profileId,
  action,
  quota: entry.policy.quotas[action] ?? null,
  rampUp: entry.policy.rampUp,
  createdAt: entry.createdAt,
  schedule: entry.schedule(zone),
  perDomainDailyCap: entry.policy.perDomainDailyCap,
});
