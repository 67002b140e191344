import type { Database } from 'better-sqlite3';

// A bigger page cache (64 MB instead of 2 MB) keeps the hot pages of the dedup, sort and search indexes of a million leads in
// memory across many short transactions. A longer checkpoint interval would merge faster (+15% measured) but makes single
// checkpoints long enough to stall the API, so it stays. Durability is unchanged (WAL, synchronous=NORMAL).
const BULK: Readonly<Record<string, number>> = { cache_size: -64 * 1024 };

/** Runs `work` with the connection tuned for a bulk write, restoring the previous settings after. */
export async function withBulkPragmas<T>(sqlite: Database, work: () => Promise<T>): Promise<T> {
  const previous = Object.keys(BULK).map((name) => [name, sqlite.pragma(name, { simple: true }) as number] as const);
  for (const [name, value] of Object.entries(BULK)) sqlite.pragma(`${name} = ${value}`);
  try {
    return await work();
  } finally {
    for (const [name, value] of previous) sqlite.pragma(`${name} = ${value}`);
  }
}
