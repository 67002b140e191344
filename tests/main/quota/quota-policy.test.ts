import { describe, expect, it } from 'vitest';
import { ceilingProblem, policyOverrides, quotaOverrides, resolvePolicy } from '../../../src/shared/contract/schemas/quota-policy';

const gmailDefaults = {
  quotas: { email: { max: 40, windowSeconds: 86_400, minGapSeconds: 120, jitterSeconds: 180 } },
  policy: { schedule: { days: [1, 2, 3, 4, 5], startHour: 8, endHour: 18 }, rampUp: { days: 14, startPercent: 25 }, maxConsecutiveFailures: 5, inboxCheckSeconds: 600 },
};
const linkedinDefaults = { quotas: { linkedin_connect: { max: 100, windowSeconds: 604_800, minGapSeconds: 120, jitterSeconds: 180 } }, policy: {} };
const resolve = (typeDefaults: object, quotas: object, policy: object, channelCode = 'email') =>
  resolvePolicy({ typeDefaults, quotas, policy, channelCode, fallbackTimezone: 'Europe/Paris' });

describe('quota policy resolution', () => {
  it('takes the type defaults and built-in caps, with the settings timezone', () => {
    const { policy, issues } = resolve(gmailDefaults, {}, {});
    expect(issues).toEqual([]);
    expect(policy).toEqual({
      timezone: 'Europe/Paris',
      schedule: { days: [1, 2, 3, 4, 5], startHour: 8, endHour: 18 },
      rampUp: { days: 14, startPercent: 25 },
      dailyFailedCap: 10,
      dailyAbortedCap: 20,
      perDomainDailyCap: 10,
      quotas: gmailDefaults.quotas,
    });
    expect(resolve(linkedinDefaults, {}, {}, 'linkedin').policy.perDomainDailyCap).toBeNull();
  });

  it('overlays the profile values field by field; null turns a rule off', () => {
    const { policy, issues } = resolve(gmailDefaults, { email: { max: 25 }, newsletter: { max: 5, windowSeconds: 3600 } }, { timezone: 'Asia/Tokyo', schedule: null, dailyFailedCap: 3 });
    expect(issues).toEqual([]);
    expect(policy.quotas).toEqual({
      email: { max: 25, windowSeconds: 86_400, minGapSeconds: 120, jitterSeconds: 180 },
      newsletter: { max: 5, windowSeconds: 3600, minGapSeconds: 0, jitterSeconds: 0 },
    });
    expect([policy.timezone, policy.schedule, policy.dailyFailedCap, policy.rampUp?.days]).toEqual(['Asia/Tokyo', null, 3, 14]);
  });

  it('refuses an override above a hard ceiling, naming the field, and keeps the default', () => {
    const tooMany = resolve(linkedinDefaults, { linkedin_connect: { max: 150 } }, {}, 'linkedin');
    expect(tooMany.issues).toEqual([{ path: 'quotas.linkedin_connect.max', message: 'linkedin_connect allows at most 100 per 7 days; this limit would allow 150' }]);
    expect(tooMany.policy.quotas.linkedin_connect?.max).toBe(100);
    const shorterWindow = resolve(linkedinDefaults, { linkedin_connect: { windowSeconds: 86_400 } }, {}, 'linkedin');
    expect(shorterWindow.issues.map((i) => i.path)).toEqual(['quotas.linkedin_connect.windowSeconds']);
    expect(resolve(gmailDefaults, { email: { max: 600 } }, {}).issues.map((i) => i.path)).toEqual(['quotas.email.max']);
    // a daily limit that respects the weekly ceiling because of its gap is allowed
    expect(ceilingProblem('linkedin_connect', { max: 50, windowSeconds: 86_400, minGapSeconds: 7 * 86_400 / 100, jitterSeconds: 0 })).toBeNull();
  });

  it('reports malformed profile values by path and ignores them', () => {
    const { policy, issues } = resolve(gmailDefaults, { email: { max: 0 }, other: { max: 5 }, Bad: {} }, { timezone: 'Mars/Olympus', bogus: 1 });
    expect(issues.map((i) => i.path).sort()).toEqual(['policy', 'policy.timezone', 'quotas.Bad', 'quotas.email.max']);
    expect(policy.timezone).toBe('Europe/Paris');
    expect(policy.quotas.email?.max).toBe(40);
    const incomplete = resolve(gmailDefaults, { other: { max: 5 } }, {});
    expect(incomplete.issues.map((i) => i.path)).toEqual(['quotas.other.windowSeconds']);
    expect(incomplete.policy.quotas.other).toBeUndefined();
  });

  it('validates the shapes helper D stores in a profile', () => {
    expect(quotaOverrides.safeParse({ email: { max: 10 } }).success).toBe(true);
    expect(quotaOverrides.safeParse({ email: { max: 10, extra: 1 } }).success).toBe(false);
    expect(policyOverrides.safeParse({ schedule: { days: [1], startHour: 18, endHour: 8 } }).success).toBe(false);
    expect(policyOverrides.safeParse({ schedule: { days: [6, 7], startHour: 0, endHour: 24 }, perDomainDailyCap: null }).success).toBe(true);
  });
});
