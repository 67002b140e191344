import { defineMethod } from '../define-method';
import { quotaUsageInput, quotaUsageList } from '../schemas/quotas';

/** Quotas: what each profile used of its rolling windows, when each action may next happen and why. */
export const quotaMethods = {
  'quotas.usage': defineMethod({
    http: 'GET',
    path: '/quotas',
    summary:
      'Per profile and action: uses in the current rolling window vs the allowed max (after ramp-up), next allowed time and the binding reason; ' +
      "today's failed/aborted items vs their caps; the sending schedule. Changes arrive as quotas.changed events",
    input: quotaUsageInput,
    output: quotaUsageList,
  }),
} as const;
