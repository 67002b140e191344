import { z } from 'zod';
import { id } from './common';

/** How a profile type reaches its channel. */
export const access = z.enum(['mta', 'api', 'rpa', 'basic']);

/** A third-party service Outpost works with. */
export const channel = z.object({ id, code: z.string(), name: z.string() });

/** A kind of account on a channel, with the defaults a new profile inherits. */
export const profileType = z.object({
  id,
  code: z.string(),
  name: z.string(),
  channelCode: z.string(),
  access,
  defaults: z.record(z.string(), z.unknown()),
});

/** Everything Outpost supports connecting to. */
export const catalogue = z.object({ channels: z.array(channel), profileTypes: z.array(profileType) });
