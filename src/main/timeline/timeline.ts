import type { Database, Statement } from 'better-sqlite3';
import { addContributionsSql } from './contributions-sql';
import { countedTables, foldSources } from './fold-sources';
import { installRecountTriggers } from './recount-triggers';

/** What one step did: rows counted, rows whose marks a rebuild cleared, and whether more work is waiting. */
export interface TimelineStep {
  readonly counted: number;
  readonly cleared: number;
  readonly more: boolean;
}

const BATCH_ROWS = 'IN (SELECT value FROM json_each(?))';

interface PreparedSource {
  /** The ids of up to `?` uncounted rows as a JSON array (built in SQLite: no round trip through JS numbers), and how many. */
  readonly select: Statement<[number], { ids: string; count: number }>;
  readonly add: Statement<[string]>;
  readonly mark: Statement<[number, string]>;
}

interface PreparedReset {
  readonly upTo: Statement<[number, number], number | null>;
  readonly clear: Statement<[number, number]>;
}

/**
 * The hourly counters: folds finished rows not yet counted into `timeline_buckets` and marks them counted in the same
 * transaction; a rebuild deletes every bucket and clears every mark (batch by batch, resumable after a restart) so the
 * same fold counts everything again. Counted rows that change are recounted by triggers (see recount-triggers.ts).
 */
export class Timeline {
  private readonly sources: PreparedSource[];
  private readonly resets: Map<string, PreparedReset>;
  private readonly nextReset: Statement<[], { table_name: string; cursor: number } | undefined>;
  private readonly advanceReset: Statement<[number, string]>;
  private readonly endReset: Statement<[string]>;
  private readonly startRebuild: () => void;
  private readonly stepTx: (size: number) => TimelineStep;
  private lastFold: number | null = null;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {
    installRecountTriggers(sqlite);
    this.sources = foldSources.map((source) => ({
      select: sqlite.prepare<[number], { ids: string; count: number }>(
        `SELECT json_group_array(id) AS ids, count(*) AS count FROM (SELECT id FROM ${source.table} INDEXED BY ${source.index} WHERE ${source.uncounted} LIMIT ?)`,
      ),
      add: sqlite.prepare<[string]>(addContributionsSql(source, BATCH_ROWS, 1)),
      mark: sqlite.prepare<[number, string]>(`UPDATE ${source.table} SET timeline_counted_at = ? WHERE id ${BATCH_ROWS}`),
    }));
    this.resets = new Map(
      countedTables.map((table) => [
        table,
        {
          upTo: sqlite.prepare<[number, number], number | null>(`SELECT max(id) FROM (SELECT id FROM ${table} WHERE id > ? ORDER BY id LIMIT ?)`).pluck(),
          clear: sqlite.prepare<[number, number]>(`UPDATE ${table} SET timeline_counted_at = NULL WHERE id > ? AND id <= ? AND timeline_counted_at IS NOT NULL`),
        },
      ]),
    );
    this.nextReset = sqlite.prepare('SELECT table_name, cursor FROM timeline_resets ORDER BY table_name LIMIT 1');
    this.advanceReset = sqlite.prepare('UPDATE timeline_resets SET cursor = ? WHERE table_name = ?');
    this.endReset = sqlite.prepare('DELETE FROM timeline_resets WHERE table_name = ?');
    const deleteBuckets = sqlite.prepare('DELETE FROM timeline_buckets');
    const addReset = sqlite.prepare('INSERT OR REPLACE INTO timeline_resets (table_name, cursor) VALUES (?, 0)');
    this.startRebuild = sqlite.transaction(() => {
      deleteBuckets.run();
      for (const table of countedTables) addReset.run(table);
    });
    this.stepTx = sqlite.transaction((size: number) => this.stepNow(size));
  }

  /** True while a rebuild is still clearing marks (counters are incomplete until it ends and the fold catches up). */
  get rebuilding(): boolean {
    return this.nextReset.get() !== undefined;
  }

  /** When rows were last counted (this process), or null. */
  get lastFoldAt(): number | null {
    return this.lastFold;
  }

  /** Starts a rebuild from scratch: every bucket goes at once, marks are cleared by the following steps. */
  requestRebuild(): void {
    this.startRebuild();
  }

  /** One transaction touching about `size` rows: clears marks while a rebuild runs, else counts finished uncounted rows. */
  step(size: number): TimelineStep {
    return this.stepTx(size);
  }

  /** Steps until nothing is left (tests, benchmarks); returns the rows counted. */
  foldAll(size = 10_000): number {
    let counted = 0;
    for (let step = this.step(size); ; step = this.step(size)) {
      counted += step.counted;
      if (!step.more) return counted;
    }
  }

  private stepNow(size: number): TimelineStep {
    const reset = this.nextReset.get();
    if (reset) return { counted: 0, cleared: this.clearMarks(reset.table_name, reset.cursor, size), more: true };
    let counted = 0;
    const at = this.now();
    for (const source of this.sources) {
      const batch = source.select.get(size - counted);
      if (!batch || batch.count === 0) continue;
      source.add.run(batch.ids);
      source.mark.run(at, batch.ids);
      counted += batch.count;
      if (counted >= size) break;
    }
    if (counted > 0) this.lastFold = at;
    return { counted, cleared: 0, more: counted >= size };
  }

  private clearMarks(table: string, cursor: number, size: number): number {
    const statements = this.resets.get(table);
    const upTo = statements?.upTo.get(cursor, size) ?? null;
    if (!statements || upTo === null) {
      this.endReset.run(table);
      return 0;
    }
    const cleared = statements.clear.run(cursor, upTo).changes;
    this.advanceReset.run(upTo, table);
    return cleared;
  }
}
