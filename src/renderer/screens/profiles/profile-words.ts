import type { PauseReason, ProfileState } from '../../../shared/contract/schemas/profiles';

/** Each state in words, as the State column shows it. */
export const stateWords: Record<ProfileState, string> = {
  idle: 'Stopped',
  starting: 'Starting',
  online: 'Online',
  working: 'Working',
  stopping: 'Stopping',
  paused: 'Paused',
  failed: 'Failed',
};

/** Why a profile is paused, in words. */
export const pauseWords: Record<PauseReason, string> = {
  operator: 'paused by you',
  captcha: 'the site asked for a CAPTCHA',
  login_wall: 'the site asked to sign in again',
  warning_page: 'the site showed a warning page',
  auth_failed: 'the server refused the credentials',
  failure_cap: "too many failures today (the daily cap was reached)",
};

/** A byte count as megabytes. */
export const megabytes = (bytes: number): string => `${Math.round(bytes / 1_048_576)} MB`;

/** A rolling window's length in words ("per day", "per 7 days", "per hour"). */
export function perWindow(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? 'per day' : `per ${seconds / 86_400} days`;
  if (seconds % 3_600 === 0) return seconds === 3_600 ? 'per hour' : `per ${seconds / 3_600} hours`;
  return `per ${Math.round(seconds / 60)} min`;
}
