import type { Database, Statement } from 'better-sqlite3';
import type { WorkKind } from '../../shared/work-kind';
import { assignedTables } from './work-tables';

/** A live profile as the assigner weighs it. */
export interface PoolProfile {
  readonly id: number;
  readonly typeId: number;
  readonly active: boolean;
  readonly state: string;
  /** Pending items assigned to it, kept current while a pass assigns more. */
  load: number;
}

interface ProfileRow {
  id: number;
  profile_type_id: number;
  active: number;
  state: string;
}

const canTakeNew = (p: PoolProfile): boolean => p.active && p.state !== 'failed';

/** A profile that already talks to a lead keeps doing so unless it is failed (a paused or stopped one holds the item). */
const canKeep = (p: PoolProfile): boolean => p.state !== 'failed';

/**
 * The live profiles of one plan pass, which profile types may perform which item types, and each profile's load.
 * Chooses the least-loaded eligible profile, running ones before paused ones, lowest id on ties.
 */
export class ProfilePool {
  private readonly profilesStmt: Statement<[], ProfileRow>;
  private readonly eligibleStmts: Map<WorkKind, Statement<[], { type_id: number; profile_type_id: number }>>;
  private readonly loadStmts: Statement<[number], number>[];
  private fresh = false;
  private profiles = new Map<number, PoolProfile>();
  private byItemType = new Map<string, PoolProfile[]>();
  private typesByItemType = new Map<string, number[]>();

  constructor(sqlite: Database) {
    this.profilesStmt = sqlite.prepare('SELECT id, profile_type_id, active, state FROM profiles WHERE deleted_at IS NULL');
    this.eligibleStmts = new Map(
      assignedTables.map((t) => [t.kind, sqlite.prepare(`SELECT ${t.eligible?.column} AS type_id, profile_type_id FROM ${t.eligible?.table}`)]),
    );
    // one range of the (profile_id, status, due_at) index per profile: finished history is never read
    this.loadStmts = assignedTables.map((t) =>
      sqlite.prepare<[number], number>(`SELECT COUNT(*) FROM ${t.table} WHERE profile_id = ? AND status = 'pending'`).pluck(),
    );
  }

  /** Forgets what was read, so the next choice reads profiles, eligibility and loads afresh (once per pass). */
  invalidate(): void {
    this.fresh = false;
  }

  private refresh(): void {
    this.fresh = true;
    this.profiles = new Map(
      this.profilesStmt.all().map((r) => [r.id, { id: r.id, typeId: r.profile_type_id, active: r.active === 1, state: r.state, load: 0 }]),
    );
    for (const p of this.profiles.values()) {
      for (const stmt of this.loadStmts) p.load += stmt.get(p.id) ?? 0;
    }
    this.byItemType.clear();
    this.typesByItemType.clear();
    for (const [kind, stmt] of this.eligibleStmts) {
      for (const { type_id, profile_type_id } of stmt.all()) {
        const key = `${kind}:${type_id}`;
        const types = this.typesByItemType.get(key) ?? [];
        types.push(profile_type_id);
        this.typesByItemType.set(key, types);
      }
    }
    for (const [key, types] of this.typesByItemType) {
      this.byItemType.set(key, [...this.profiles.values()].filter((p) => types.includes(p.typeId)));
    }
  }

  /** The profile type ids that may perform an item type. */
  eligibleTypes(kind: WorkKind, typeId: number): readonly number[] {
    if (!this.fresh) this.refresh();
    return this.typesByItemType.get(`${kind}:${typeId}`) ?? [];
  }

  /**
   * The profile for one item: the first of `preferred` (profiles that already served its lead, latest first) that may
   * perform it and is not failed, else the least-loaded eligible one; undefined when none exists. Counts the item in its load.
   */
  choose(kind: WorkKind, typeId: number, preferred: readonly number[] = []): PoolProfile | undefined {
    const types = this.eligibleTypes(kind, typeId);
    let chosen: PoolProfile | undefined;
    for (const id of preferred) {
      const p = this.profiles.get(id);
      if (p && types.includes(p.typeId) && canKeep(p)) {
        chosen = p;
        break;
      }
    }
    if (!chosen) {
      for (const p of this.byItemType.get(`${kind}:${typeId}`) ?? []) {
        if (!canTakeNew(p)) continue;
        if (!chosen || better(p, chosen)) chosen = p;
      }
    }
    if (chosen) chosen.load += 1;
    return chosen;
  }
}

function better(a: PoolProfile, b: PoolProfile): boolean {
  const pausedA = a.state === 'paused' ? 1 : 0;
  const pausedB = b.state === 'paused' ? 1 : 0;
  if (pausedA !== pausedB) return pausedA < pausedB;
  if (a.load !== b.load) return a.load < b.load;
  return a.id < b.id;
}
