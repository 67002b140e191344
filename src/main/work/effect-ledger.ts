import type { Database, Statement } from 'better-sqlite3';
import type { WorkKind } from '../../shared/work-kind';
import type { EffectRecord } from '../../shared/worker-protocol/messages';

/** One ledger row as the operator sees it. */
export interface LedgerRow {
  idempotency_key: string;
  outcome: 'started' | 'succeeded' | 'failed' | 'unknown';
  external_ref: string | null;
  started_at: number;
  finished_at: number | null;
}

/** What `begin` decided about an effect about to start. */
export type BeginVerdict = 'started' | 'already_begun' | 'foreign';

/** The effect ledger: a row is written before an effect starts and closed when it ends, so no retry repeats it blindly. */
export class EffectLedger {
  private readonly find: Statement<[string], { work_kind: string; work_id: number; outcome: string }>;
  private readonly insert: Statement<[string, string, number, number, number]>;
  private readonly restart: Statement<[number, string]>;
  private readonly end: Statement<[string, string, number, number, string, string | null, string | null, number, number]>;
  private readonly openCount: Statement<[string, number], { n: number }>;
  private readonly closeOpen: Statement<[string, string | null, number, string, number]>;
  private readonly list: Statement<[string, number], LedgerRow>;

  constructor(sqlite: Database) {
    this.find = sqlite.prepare('SELECT work_kind, work_id, outcome FROM effect_ledger WHERE idempotency_key = ?');
    this.insert = sqlite.prepare(
      "INSERT INTO effect_ledger (idempotency_key, work_kind, work_id, profile_id, outcome, started_at) VALUES (?, ?, ?, ?, 'started', ?)",
    );
    this.restart = sqlite.prepare(
      "UPDATE effect_ledger SET outcome = 'started', external_ref = NULL, detail = NULL, started_at = ?, finished_at = NULL WHERE idempotency_key = ?",
    );
    this.end = sqlite.prepare(`
      INSERT INTO effect_ledger (idempotency_key, work_kind, work_id, profile_id, outcome, external_ref, detail, started_at, finished_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (idempotency_key) DO UPDATE SET outcome = excluded.outcome, external_ref = excluded.external_ref,
        detail = excluded.detail, finished_at = excluded.finished_at
      WHERE effect_ledger.work_kind = excluded.work_kind AND effect_ledger.work_id = excluded.work_id`);
    this.openCount = sqlite.prepare(
      "SELECT count(*) AS n FROM effect_ledger WHERE work_kind = ? AND work_id = ? AND outcome IN ('started', 'unknown')",
    );
    this.closeOpen = sqlite.prepare(`UPDATE effect_ledger SET outcome = ?, external_ref = COALESCE(?, external_ref), finished_at = ?
      WHERE work_kind = ? AND work_id = ? AND outcome IN ('started', 'unknown')`);
    this.list = sqlite.prepare(
      'SELECT idempotency_key, outcome, external_ref, started_at, finished_at FROM effect_ledger WHERE work_kind = ? AND work_id = ? ORDER BY id',
    );
  }

  /**
   * Records an effect as started. A key that an earlier attempt began and never closed, or closed as succeeded
   * or unknown, is not started again; one closed as failed (it did not happen) starts afresh. A key of another item is refused.
   */
  begin(key: string, kind: WorkKind, id: number, profileId: number, now: number): BeginVerdict {
    const row = this.find.get(key);
    if (!row) {
      this.insert.run(key, kind, id, profileId, now);
      return 'started';
    }
    if (row.work_kind !== kind || row.work_id !== id) return 'foreign';
    if (row.outcome !== 'failed') return 'already_begun';
    this.restart.run(now, key);
    return 'started';
  }

  /** Records how an effect ended, as the worker reported it. */
  record(effect: EffectRecord, kind: WorkKind, id: number, profileId: number, now: number): void {
    const detail = effect.detail ? JSON.stringify(effect.detail) : null;
    this.end.run(effect.idempotencyKey, kind, id, profileId, effect.outcome, effect.externalRef, detail, now, now);
  }

  /** True when some effect of the item began and has no known end (none, or one reported as unknown): it may have happened. */
  hasOpen(kind: WorkKind, id: number): boolean {
    return (this.openCount.get(kind, id)?.n ?? 0) > 0;
  }

  /** Closes the item's open effects: succeeded once evidence or the operator says they happened, failed when they did not. */
  close(kind: WorkKind, id: number, outcome: 'succeeded' | 'failed', externalRef: string | null, now: number): void {
    this.closeOpen.run(outcome, externalRef, now, kind, id);
  }

  /** Every ledger row of an item, oldest first. */
  rows(kind: WorkKind, id: number): LedgerRow[] {
    return this.list.all(kind, id);
  }
}
