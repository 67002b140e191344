import type { Database } from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';

/** Wraps an open better-sqlite3 connection in a typed Kysely query builder. */
export const createKysely = (db: Database): Kysely<DB> => new Kysely<DB>({ dialect: new SqliteDialect({ database: db }) });
