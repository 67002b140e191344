import type { quotaMethods } from '../../../shared/contract/areas/quota-methods';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

/** Quota usage per profile and action, for the Profiles screen. */
export const quotaHandlers = (s: Services): Pick<Handlers, keyof typeof quotaMethods> => ({
  'quotas.usage': async ({ profileId }) => {
    if (profileId !== undefined && !s.profiles.get(profileId)) throw new ApiError('not_found', `profileId: no profile ${profileId}`);
    return { items: s.quotaGate.usage(s.clock.now(), profileId) };
  },
});
