import type { Database } from 'better-sqlite3';

/** One numbered, immutable schema step; `sql` is checksummed so an edited migration is refused at start. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** Optional data step run after `sql` in the same transaction (for seeds that need parameters). */
  readonly seed?: (db: Database) => void;
}
