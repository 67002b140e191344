import type { WaitReason } from '../../../shared/contract/schemas/outbox';

/** Each wait reason in the operator's words. */
export const reasonWords: Readonly<Record<WaitReason, string>> = {
  not_approved: 'Waiting for approval',
  not_assigned: 'No profile can send it',
  profile_paused: 'Profile paused',
  profile_stopped: 'Profile stopped',
  offline: 'Offline',
  quota: 'Quota used up',
  window: 'Outside sending hours',
  gap: 'Spacing between sends',
  ramp_up: 'New profile warming up',
  domain_cap: 'Daily cap for this domain',
  retry_backoff: 'Retrying after a failure',
  scheduled: 'Scheduled later',
  unknown_outcome: 'Outcome unknown: needs you',
  due: 'Ready to run',
};

/** The reasons in the order the filter lists them. */
export const reasonOrder = Object.keys(reasonWords) as WaitReason[];
