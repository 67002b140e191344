/** Limits of a batch size adapted to a wall-time target. */
export interface BatchSizerSpec {
  readonly targetMs: number;
  readonly initial: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Sizes the next batch of synchronous work so it takes about `targetMs`: the event loop serves nothing while a
 * transaction runs, and the cost of a row varies with the machine, the load and the size of the tables.
 */
export class BatchSizer {
  private rows: number;

  constructor(private readonly spec: BatchSizerSpec) {
    this.rows = spec.initial;
  }

  /** How many rows the next batch should take. */
  get size(): number {
    return this.rows;
  }

  /** Runs one batch of the current size, learning from how long it took; `rowsOf` says how many rows it handled. */
  timed<T>(work: (size: number) => T, rowsOf: (result: T, size: number) => number): T {
    const size = this.rows;
    const started = performance.now();
    const result = work(size);
    this.record(rowsOf(result, size), performance.now() - started);
    return result;
  }

  /** Learns from a batch that handled `rows` rows in `ms`; the size moves at most 2x per batch so one outlier cannot swing it far. */
  record(rows: number, ms: number): void {
    if (rows <= 0) return;
    const fitting = (rows * this.spec.targetMs) / Math.max(ms, 0.1);
    const next = Math.min(Math.max(fitting, this.rows / 2), this.rows * 2);
    this.rows = Math.round(Math.min(Math.max(next, this.spec.min), this.spec.max));
  }
}
