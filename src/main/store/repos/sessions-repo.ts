import type { Kysely } from 'kysely';
import { hashToken, newToken } from '../../auth/tokens';
import type { DB } from '../schema';

/** How long a browser session and a printed login code stay valid. */
export const SESSION_TTL_MS = 30 * 24 * 3600_000;
/** A login code is single-use and short-lived. */
export const LOGIN_CODE_TTL_MS = 3600_000;

/** One-time login codes and the browser sessions they open (both stored hashed). */
export class SessionsRepo {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => number,
  ) {}

  /** A new single-use code for the login URL. */
  async createLoginCode(): Promise<string> {
    const code = newToken('olc');
    const at = this.now();
    await this.db.insertInto('login_codes').values({ code_hash: hashToken(code), created_at: at, expires_at: at + LOGIN_CODE_TTL_MS }).execute();
    return code;
  }

  /** Spends a login code: true exactly once per valid, unexpired code. */
  async consumeLoginCode(code: string): Promise<boolean> {
    const at = this.now();
    const result = await this.db
      .updateTable('login_codes')
      .set({ used_at: at })
      .where('code_hash', '=', hashToken(code))
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Opens a session and returns its token for the cookie. */
  async createSession(): Promise<string> {
    const token = newToken('ops');
    const at = this.now();
    await this.db
      .insertInto('sessions')
      .values({ token_hash: hashToken(token), created_at: at, expires_at: at + SESSION_TTL_MS, last_seen_at: at })
      .execute();
    return token;
  }

  /** True for a live session; each use slides its expiry. */
  async verifySession(token: string): Promise<boolean> {
    const at = this.now();
    const result = await this.db
      .updateTable('sessions')
      .set({ last_seen_at: at, expires_at: at + SESSION_TTL_MS })
      .where('token_hash', '=', hashToken(token))
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Ends a session (logout). */
  async deleteSession(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
  }

  /** Removes expired sessions and spent or expired login codes; returns how many rows went. */
  async sweep(): Promise<number> {
    const at = this.now();
    const s = await this.db.deleteFrom('sessions').where('expires_at', '<=', at).executeTakeFirst();
    const c = await this.db
      .deleteFrom('login_codes')
      .where((eb) => eb.or([eb('expires_at', '<=', at), eb('used_at', 'is not', null)]))
      .executeTakeFirst();
    return Number(s.numDeletedRows + c.numDeletedRows);
  }
}
