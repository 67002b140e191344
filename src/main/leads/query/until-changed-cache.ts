import type { Database, Statement } from 'better-sqlite3';

/**
 * Values remembered per key until the database changes: a write on this connection (`total_changes()`) or a
 * commit by another one (`PRAGMA data_version`) forgets them all, so nothing served from it is ever stale.
 * Past `capacity` keys it starts over.
 */
export class UntilChangedCache<T> {
  private readonly values = new Map<string, T>();
  private readonly versionStatement: Statement<[], { v: string }>;
  private version = '';

  constructor(
    sqlite: Database,
    private readonly capacity: number,
  ) {
    this.versionStatement = sqlite.prepare("SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version) AS v");
  }

  /** The value for `key`, from `compute` unless nothing changed since it was last computed. */
  get(key: string, compute: () => T): T {
    const version = this.versionStatement.get()?.v ?? '';
    if (version !== this.version) {
      this.values.clear();
      this.version = version;
    }
    let value = this.values.get(key);
    if (value === undefined) {
      value = compute();
      if (this.values.size >= this.capacity) this.values.clear();
      this.values.set(key, value);
    }
    return value;
  }
}
