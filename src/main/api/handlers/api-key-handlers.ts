import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';
import { toIso, toIsoOrNull } from '../../../shared/iso-time';


/** Describe and rotate the install's API key. */
export const apiKeyHandlers = (s: Services): Pick<Handlers, 'apiKey.describe' | 'apiKey.rotate'> => ({
  'apiKey.describe': async () => {
    const key = await s.apiKeys.active();
    if (!key) throw new ApiError('not_found', 'no active API key; rotate to issue one');
    return { prefix: key.prefix, createdAt: toIso(key.createdAt), lastUsedAt: toIsoOrNull(key.lastUsedAt) };
  },
  'apiKey.rotate': async () => {
    const key = await s.apiKeys.rotate();
    return { key: key.key, prefix: key.prefix, createdAt: toIso(key.createdAt), lastUsedAt: null };
  },
});
