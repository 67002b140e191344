import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

/** Outcome of bringing a database up to the newest migration. */
export interface MigrateResult {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly number[];
}

/** Raised when the database and the migration registry disagree; the app must not write then. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const checksum = (m: Migration): string => createHash('sha256').update(m.sql).digest('hex');

/** Applies every pending migration in order, each in its own transaction, after checking applied ones are unchanged. */
export function migrate(db: Database, registry: readonly Migration[], now: () => number = Date.now): MigrateResult {
  assertOrdered(registry);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const applied = db
    .prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
    .all() as { version: number; name: string; checksum: string }[];
  const known = new Map(registry.map((m) => [m.version, m]));
  for (const row of applied) {
    const m = known.get(row.version);
    if (!m) {
      throw new MigrationError(
        `database has migration ${row.version} (${row.name}) that this version of Outpost does not know: it was written by a newer version`,
      );
    }
    if (checksum(m) !== row.checksum) {
      throw new MigrationError(`migration ${row.version} (${row.name}) was changed after it was applied; migrations are immutable`);
    }
  }
  const from = applied.at(-1)?.version ?? 0;
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const done: number[] = [];
  for (const m of registry) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.seed?.(db);
      record.run(m.version, m.name, checksum(m), now());
    }).immediate();
    done.push(m.version);
  }
  return { from, to: registry.at(-1)?.version ?? 0, applied: done };
}

function assertOrdered(registry: readonly Migration[]): void {
  registry.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new MigrationError(`migration registry out of order: position ${i + 1} holds version ${m.version} (${m.name})`);
    }
  });
}
