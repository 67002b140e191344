import type { Database, Statement } from 'better-sqlite3';
import type { WorkKind } from '../../shared/work-kind';
import type { WorkStatus } from '../../shared/contract/schemas/work-items';
import type { EventBus } from '../event-bus';
import { EffectLedger } from './effect-ledger';
import { KindStatements } from './kind-statements';
import { kindTables } from './kind-tables';
import { UnknownOutcomes } from './unknown-outcomes';

/** A status change to announce once its transaction committed. */
export interface WorkChange {
  readonly kind: WorkKind;
  readonly id: number;
  readonly status: WorkStatus;
}

/** The statements behind the engine and the operator: one set per kind's table, the effect ledger, unknown outcomes, failure streaks. */
export class WorkStore {
  readonly ledger: EffectLedger;
  readonly unknowns: UnknownOutcomes;
  /** Every kind's statements, in claim order. */
  readonly kinds: readonly KindStatements[];
  private readonly byKind: ReadonlyMap<WorkKind, KindStatements>;
  private readonly bump: Statement<[number, number]>;
  private readonly streak: Statement<[number], { n: number; max: number | null }>;
  private readonly reset: Statement<[number, number]>;

  constructor(
    readonly sqlite: Database,
    private readonly bus: EventBus,
  ) {
    this.ledger = new EffectLedger(sqlite);
    this.unknowns = new UnknownOutcomes(sqlite);
    this.kinds = kindTables.map((spec) => new KindStatements(sqlite, spec));
    this.byKind = new Map(this.kinds.map((k) => [k.spec.kind, k]));
    this.bump = sqlite.prepare('UPDATE profiles SET consecutive_failures = consecutive_failures + 1, updated_at = ? WHERE id = ?');
    this.streak = sqlite.prepare(`SELECT p.consecutive_failures AS n,
        COALESCE(json_extract(p.policy, '$.maxConsecutiveFailures'), json_extract(t.defaults, '$.policy.maxConsecutiveFailures')) AS max
      FROM profiles p JOIN profile_types t ON t.id = p.profile_type_id WHERE p.id = ?`);
    this.reset = sqlite.prepare('UPDATE profiles SET consecutive_failures = 0, updated_at = ? WHERE id = ? AND consecutive_failures <> 0');
  }

  /** The statements of one kind. */
  of(kind: WorkKind): KindStatements {
    const k = this.byKind.get(kind);
    if (!k) throw new Error(`no statements for work kind ${kind}`);
    return k;
  }

  /** Holds an item in the unknown-outcome state: its channel is asked to verify it from now on. */
  holdUnknown(k: KindStatements, id: number, profileId: number, note: string, now: number, changes: WorkChange[]): void {
    k.unknown.run(note, now, id);
    this.unknowns.hold(k.spec.kind, id, profileId, 'verify', now, note, now);
    changes.push({ kind: k.spec.kind, id, status: 'unknown' });
  }

  /** Counts one more failure in a row for the profile; true when its type policy's maxConsecutiveFailures is reached. */
  failedAgain(profileId: number, now: number): boolean {
    this.bump.run(now, profileId);
    const row = this.streak.get(profileId);
    return row !== undefined && typeof row.max === 'number' && row.n >= row.max;
  }

  /** A success ends the profile's failure streak. */
  succeeded(profileId: number, now: number): void {
    this.reset.run(now, profileId);
  }

  /** Announces committed status changes as work.changed events. */
  publish(changes: readonly WorkChange[]): void {
    for (const change of changes) this.bus.emit('work.changed', change);
  }
}
