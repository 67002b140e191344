import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { catalogue } from '../../../shared/contract/schemas/catalogue';
import type { DB } from '../schema';

/** Reads the seeded catalogue of channels and profile types. */
export class CatalogueRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** Every channel and profile type, profile types with their parsed defaults. */
  async list(): Promise<z.infer<typeof catalogue>> {
    const channels = await this.db.selectFrom('channels').select(['id', 'code', 'name']).orderBy('id').execute();
    const types = await this.db
      .selectFrom('profile_types')
      .innerJoin('channels', 'channels.id', 'profile_types.channel_id')
      .select(['profile_types.id', 'profile_types.code', 'profile_types.name', 'profile_types.access', 'profile_types.defaults', 'channels.code as channel_code'])
      .orderBy('profile_types.id')
      .execute();
    return {
      channels,
      profileTypes: types.map((t) => ({
        id: t.id,
        code: t.code,
        name: t.name,
        channelCode: t.channel_code,
        access: t.access as 'mta' | 'api' | 'rpa' | 'basic',
        defaults: JSON.parse(t.defaults) as Record<string, unknown>,
      })),
    };
  }
}
