import type { RampUp } from '../../shared/contract/schemas/quota-policy';

const DAY_MS = 86_400_000;

const dayIndex = (createdAt: number, t: number): number => Math.max(0, Math.floor((t - createdAt) / DAY_MS));

/** Today's share (whole percent) of the configured maxima: startPercent on day 0, growing linearly to 100 after `days` days. */
export function rampPercent(ramp: RampUp | null, createdAt: number, t: number): number {
  if (!ramp) return 100;
  const day = dayIndex(createdAt, t);
  if (day >= ramp.days) return 100;
  return Math.floor(ramp.startPercent + ((100 - ramp.startPercent) * day) / ramp.days);
}

/** A window's max at time `t` after ramp-up; never below one use. */
export const rampedMax = (max: number, ramp: RampUp | null, createdAt: number, t: number): number =>
  Math.max(1, Math.floor((max * rampPercent(ramp, createdAt, t)) / 100));

/** When the ramp-up next raises the percent after `t` (days count in 24-hour steps from creation), or null once it is over. */
export function nextRampStep(ramp: RampUp | null, createdAt: number, t: number): number | null {
  if (!ramp) return null;
  const day = dayIndex(createdAt, t);
  return day >= ramp.days ? null : createdAt + (day + 1) * DAY_MS;
}

/** When the ramp-up reaches 100%, or null without one. */
export const rampEnd = (ramp: RampUp | null, createdAt: number): number | null => (ramp ? createdAt + ramp.days * DAY_MS : null);
