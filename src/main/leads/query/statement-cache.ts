import type { Database, Statement } from 'better-sqlite3';

/** Prepared statements keyed by their SQL text, least recently used dropped past `capacity` (filters vary). */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly sqlite: Database,
    private readonly capacity = 200,
  ) {}

  /** The prepared statement for `sql`, preparing it on first use. */
  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement) this.statements.delete(sql);
    else statement = this.sqlite.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > this.capacity) this.statements.delete(this.statements.keys().next().value as string);
    return statement;
  }
}
