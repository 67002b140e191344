import type { Kysely } from 'kysely';
import { hashToken, newToken } from '../../auth/tokens';
import type { DB } from '../schema';

/** The active key as stored: prefix and times, never the key. */
export interface ApiKeyRow {
  readonly prefix: string;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
}

// A key's last use is written at most this often, so authenticated reads do not each cost a write.
const TOUCH_EVERY_MS = 60_000;
const PREFIX_LENGTH = 10;

/** Issues, verifies and rotates the install's API key (stored hashed). */
export class ApiKeysRepo {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => number,
  ) {}

  /** Creates the first key if none is active; returns it (once) when created. */
  async ensure(): Promise<string | null> {
    const active = await this.active();
    return active ? null : (await this.rotate()).key;
  }

  /** The active key's description, if any. */
  async active(): Promise<ApiKeyRow | null> {
    const row = await this.db
      .selectFrom('api_keys')
      .select(['prefix', 'created_at', 'last_used_at'])
      .where('revoked_at', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? { prefix: row.prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at } : null;
  }

  /** Revokes every active key and issues a new one. */
  async rotate(): Promise<ApiKeyRow & { key: string }> {
    const key = newToken('op');
    const at = this.now();
    const prefix = key.slice(0, PREFIX_LENGTH);
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('api_keys').set({ revoked_at: at }).where('revoked_at', 'is', null).execute();
      await trx.insertInto('api_keys').values({ prefix, key_hash: hashToken(key), created_at: at }).execute();
    });
    return { key, prefix, createdAt: at, lastUsedAt: null };
  }

  /** True when the key is the active one; records its use. */
  async verify(key: string): Promise<boolean> {
    const at = this.now();
    const row = await this.db
      .selectFrom('api_keys')
      .select(['id', 'last_used_at'])
      .where('key_hash', '=', hashToken(key))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return false;
    if (row.last_used_at === null || at - row.last_used_at > TOUCH_EVERY_MS) {
      await this.db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', row.id).execute();
    }
    return true;
  }
}
