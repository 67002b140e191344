import type { Database } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { createKysely } from './create-kysely';
import { migrate, type MigrateResult } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open-database';
import type { DB } from './schema';

/** The open store: raw connection for hot paths, Kysely for the rest. */
export interface Store {
  readonly file: string;
  readonly sqlite: Database;
  readonly db: Kysely<DB>;
  readonly migration: MigrateResult;
  close(): Promise<void>;
}

/** Opens the database file and applies pending migrations before anything else may use it. */
export function openStore(file: string, now: () => number = Date.now): Store {
  const sqlite = openDatabase(file);
  try {
    const migration = migrate(sqlite, migrations, now);
    const db = createKysely(sqlite);
    return {
      file,
      sqlite,
      db,
      migration,
      // Kysely's destroy closes the underlying better-sqlite3 connection.
      close: () => db.destroy(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
