import { z } from 'zod';
import { settings } from './settings';

/** An action name a quota applies to, e.g. `email` or `linkedin_connect`. */
export const quotaActionName = z.string().regex(/^[a-z][a-z0-9_]{0,49}$/, 'expected a lower-case action name such as email');

/** A rolling-window limit: at most `max` uses per `windowSeconds`, at least `minGapSeconds` plus 0..`jitterSeconds` apart. */
export const actionQuota = z.strictObject({
  max: z.number().int().min(1).max(100_000),
  windowSeconds: z.number().int().min(60).max(31 * 86_400),
  minGapSeconds: z.number().int().min(0).max(86_400),
  jitterSeconds: z.number().int().min(0).max(86_400),
});

/** A profile's own quotas (its `quotas` column): per action, any of the fields, over the profile type's defaults. */
export const quotaOverrides = z.record(quotaActionName, actionQuota.partial());

/** Sending days (ISO weekdays, 1 = Monday) and hours [startHour, endHour) in the profile's timezone. */
export const sendingSchedule = z
  .strictObject({
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    startHour: z.number().int().min(0).max(23),
    endHour: z.number().int().min(1).max(24),
  })
  .refine((s) => s.startHour < s.endHour, { message: 'startHour must be before endHour', path: ['endHour'] });

/** Ramp-up of a new profile: its maxima grow from startPercent to 100% over `days` days after it was created. */
export const rampUp = z.strictObject({ days: z.number().int().min(1).max(365), startPercent: z.number().int().min(1).max(100) });

const dailyCap = z.number().int().min(1).max(100_000).nullable();

/** A profile's own policy (its `policy` column), over the profile type's defaults; null turns a rule off. */
export const policyOverrides = z.strictObject({
  /** IANA timezone of the sending schedule and the daily caps (default: the operator's settings timezone). */
  timezone: settings.shape.timezone.optional(),
  schedule: sendingSchedule.nullable().optional(),
  rampUp: rampUp.nullable().optional(),
  maxConsecutiveFailures: z.number().int().min(1).max(1_000).optional(),
  /** Failed items per day (in the timezone) after which the profile pauses with `failure_cap`. */
  dailyFailedCap: dailyCap.optional(),
  /** Aborted items per day after which the profile pauses with `failure_cap`. */
  dailyAbortedCap: dailyCap.optional(),
  /** Uses per recipient domain per rolling 24 hours (email). */
  perDomainDailyCap: dailyCap.optional(),
  inboxCheckSeconds: z.number().int().min(60).max(86_400).optional(),
  connectionCheckSeconds: z.number().int().min(60).max(7 * 86_400).optional(),
});

/** An action's limit. */
export type ActionQuota = z.infer<typeof actionQuota>;
/** A sending schedule. */
export type SendingSchedule = z.infer<typeof sendingSchedule>;
/** A ramp-up. */
export type RampUp = z.infer<typeof rampUp>;
/** A profile's policy column. */
export type PolicyOverrides = z.infer<typeof policyOverrides>;

/** The rules in force for one profile: type defaults, then built-in defaults, overlaid by the profile's own values. */
export interface QuotaPolicy {
  readonly timezone: string;
  readonly schedule: SendingSchedule | null;
  readonly rampUp: RampUp | null;
  readonly dailyFailedCap: number | null;
  readonly dailyAbortedCap: number | null;
  readonly perDomainDailyCap: number | null;
  readonly quotas: Readonly<Record<string, ActionQuota>>;
}

/** A problem with a profile's quotas or policy, named by its path (e.g. `quotas.email.max`). */
export interface PolicyIssue {
  readonly path: string;
  readonly message: string;
}

/** Hard limits no profile may exceed, per action: at most `max` uses in any `windowSeconds`. */
export const quotaCeilings: Readonly<Record<string, { readonly max: number; readonly windowSeconds: number }>> = {
  email: { max: 500, windowSeconds: 86_400 },
  linkedin_connect: { max: 100, windowSeconds: 7 * 86_400 },
  linkedin_message: { max: 150, windowSeconds: 86_400 },
  linkedin_visit: { max: 250, windowSeconds: 86_400 },
  linkedin_search: { max: 300, windowSeconds: 86_400 },
  facebook_friend: { max: 50, windowSeconds: 86_400 },
  facebook_message: { max: 100, windowSeconds: 86_400 },
  facebook_browse: { max: 300, windowSeconds: 86_400 },
};

/** The most uses a limit lets happen inside any span of `spanSeconds` (window repeats and gaps both bound it). */
export function worstCaseUses(quota: ActionQuota, spanSeconds: number): number {
  const byWindow = quota.max * Math.ceil(spanSeconds / quota.windowSeconds);
  return quota.minGapSeconds > 0 ? Math.min(byWindow, Math.ceil(spanSeconds / quota.minGapSeconds)) : byWindow;
}

const inWords = (seconds: number): string =>
  seconds % 86_400 === 0 ? `${seconds / 86_400} day${seconds === 86_400 ? '' : 's'}` : `${seconds / 3_600} hours`;

/** Why a limit exceeds the action's hard ceiling, or null when it does not. */
export function ceilingProblem(action: string, quota: ActionQuota): string | null {
  const ceiling = quotaCeilings[action];
  if (!ceiling) return null;
  const worst = worstCaseUses(quota, ceiling.windowSeconds);
  if (worst <= ceiling.max) return null;
  return `${action} allows at most ${ceiling.max} per ${inWords(ceiling.windowSeconds)}; this limit would allow ${worst}`;
}

/** Built-in values for rules the profile type does not set. */
const builtIn = (channelCode: string) => ({
  schedule: null,
  rampUp: null,
  dailyFailedCap: 10,
  dailyAbortedCap: 20,
  perDomainDailyCap: channelCode === 'email' ? 10 : null,
});

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const issuesOf = (error: z.ZodError, prefix: string): PolicyIssue[] =>
  error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));

/** What resolving a profile's policy gives: the rules in force, and the problems found in the profile's own values (those are ignored). */
export interface ResolvedPolicy {
  readonly policy: QuotaPolicy;
  readonly issues: readonly PolicyIssue[];
}

/** What a policy is resolved from: the type's `defaults` JSON, the profile's `quotas` and `policy` JSON, its channel and the fallback timezone. */
export interface PolicySources {
  readonly typeDefaults: unknown;
  readonly quotas: unknown;
  readonly policy: unknown;
  readonly channelCode: string;
  readonly fallbackTimezone: string;
}

function resolveQuotas(typeQuotas: Record<string, unknown>, own: Record<string, unknown>, issues: PolicyIssue[]): Record<string, ActionQuota> {
  const quotas: Record<string, ActionQuota> = {};
  for (const [action, value] of Object.entries(typeQuotas)) {
    const parsed = actionQuota.safeParse(value);
    if (parsed.success) quotas[action] = parsed.data;
  }
  const overrides = quotaOverrides.safeParse(own);
  if (!overrides.success) {
    issues.push(...issuesOf(overrides.error, 'quotas'));
    return quotas;
  }
  for (const [action, override] of Object.entries(overrides.data)) {
    const base = quotas[action];
    const merged = actionQuota.safeParse({ ...(base ?? { minGapSeconds: 0, jitterSeconds: 0 }), ...override });
    if (!merged.success) {
      issues.push(...issuesOf(merged.error, `quotas.${action}`));
      continue;
    }
    const problem = ceilingProblem(action, merged.data);
    if (problem) {
      const field = override.max !== undefined ? 'max' : Object.keys(override)[0];
      issues.push({ path: `quotas.${action}.${field}`, message: problem });
      continue;
    }
    quotas[action] = merged.data;
  }
  return quotas;
}

/** Overlays the profile's quotas and policy on its type's defaults; invalid or over-ceiling values are reported and ignored. */
export function resolvePolicy(sources: PolicySources): ResolvedPolicy {
  const issues: PolicyIssue[] = [];
  const defaults = asRecord(sources.typeDefaults);
  const typePolicy = policyOverrides.partial().safeParse(
    Object.fromEntries(Object.entries(asRecord(defaults.policy)).filter(([k]) => k in policyOverrides.shape)),
  );
  const own = policyOverrides.safeParse(asRecord(sources.policy));
  if (!own.success) issues.push(...issuesOf(own.error, 'policy'));
  const merged = { ...builtIn(sources.channelCode), ...(typePolicy.success ? typePolicy.data : {}), ...(own.success ? own.data : {}) };
  const policy: QuotaPolicy = {
    timezone: merged.timezone ?? sources.fallbackTimezone,
    schedule: merged.schedule ?? null,
    rampUp: merged.rampUp ?? null,
    dailyFailedCap: merged.dailyFailedCap ?? null,
    dailyAbortedCap: merged.dailyAbortedCap ?? null,
    perDomainDailyCap: merged.perDomainDailyCap ?? null,
    quotas: resolveQuotas(asRecord(defaults.quotas), asRecord(sources.quotas), issues),
  };
  return { policy, issues };
}
