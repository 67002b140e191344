import { z } from 'zod';
import { id, isoTime } from './common';

/** Why an action has to wait (the binding rule). */
export const quotaReason = z.enum(['quota', 'window', 'gap', 'ramp_up', 'domain_cap']);

/** One action's usage for a profile: how much of its rolling window is used and when it may happen next. */
export const actionUsage = z.object({
  action: z.string(),
  /** Uses inside the rolling window that ends now. */
  used: z.number().int().nonnegative(),
  /** What the window allows today, after ramp-up. */
  max: z.number().int().nonnegative(),
  /** What the window allows once ramp-up is over. */
  configuredMax: z.number().int().nonnegative(),
  windowSeconds: z.number().int().positive(),
  minGapSeconds: z.number().int().nonnegative(),
  jitterSeconds: z.number().int().nonnegative(),
  nextAllowedAt: isoTime,
  /** Null when the action may happen now. */
  reason: quotaReason.nullable(),
});

/** A daily count against its cap (null cap: no cap). */
export const dailyCount = z.object({ today: z.number().int().nonnegative(), cap: z.number().int().positive().nullable() });

/** One profile's quotas: every configured action, today's failures against the caps, and its sending schedule. */
export const profileQuotaUsage = z.object({
  profileId: id,
  profileName: z.string(),
  typeCode: z.string(),
  timezone: z.string(),
  /** The sending days and hours in words, e.g. "Mon-Fri 08:00-18:00 (Europe/Paris)"; "any time" without a schedule. */
  schedule: z.string(),
  /** Ramp-up of a new profile: today's share of the configured maxima and when it reaches 100% (null once over). */
  rampUp: z.object({ percent: z.number().int().min(1).max(100), fullAt: isoTime }).nullable(),
  perDomainDailyCap: z.number().int().positive().nullable(),
  failed: dailyCount,
  aborted: dailyCount,
  actions: z.array(actionUsage),
});

/** Input of quotas.usage: one profile, or every live profile. */
export const quotaUsageInput = z.strictObject({ profileId: id.optional() });

/** Output of quotas.usage. */
export const quotaUsageList = z.object({ items: z.array(profileQuotaUsage) });

/** Pushed (throttled) after uses were recorded: the profiles whose usage changed. */
export const quotasChangedEvent = z.object({ profileIds: z.array(id) });

/** One profile's quota usage. */
export type ProfileQuotaUsage = z.infer<typeof profileQuotaUsage>;
/** One action's usage. */
export type ActionUsage = z.infer<typeof actionUsage>;
