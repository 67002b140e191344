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

/** Hooks around opening the store. */
export interface OpenStoreOptions {
  /** Called once, before pending migrations are applied to a database that already has some (the pre-migration backup). */
  readonly beforeMigrate?: (sqlite: Database) => unknown;
}

/** Opens the database file and applies pending migrations before anything else may use it. */
export function openStore(file: string, now: () => number = Date.now, options: OpenStoreOptions = {}): Store {
  const sqlite = openDatabase(file);
  try {
    if (options.beforeMigrate && hasPendingMigrations(sqlite)) options.beforeMigrate(sqlite);
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

function hasPendingMigrations(sqlite: Database): boolean {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return false;
  const row = sqlite.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v !== null && row.v < (migrations.at(-1)?.version ?? 0);
}
