import { z } from 'zod';
import { isoTime } from './common';

/** The active API key as settings show it: never the key itself, only its prefix. */
export const apiKeyInfo = z.object({
  prefix: z.string(),
  createdAt: isoTime,
  lastUsedAt: isoTime.nullable(),
});

/** A newly issued key, shown once. */
export const issuedApiKey = apiKeyInfo.extend({ key: z.string() });
