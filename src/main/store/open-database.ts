import BetterSqlite3, { type Database } from 'better-sqlite3';

/** Opens (creating if needed) the Outpost SQLite file with the pragmas every connection needs. */
export function openDatabase(file: string, options: { readonly readonly?: boolean } = {}): Database {
  const db = new BetterSqlite3(file, { readonly: options.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // A write whose triggers write too keeps a statement journal; on disk that cost ~25 µs per imported row.
  db.pragma('temp_store = MEMORY');
  return db;
}
