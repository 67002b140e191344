import type { Database, Statement } from 'better-sqlite3';
import type { WorkerProfile } from '../../shared/worker-protocol/messages';
import type { PauseReason, ProfileState } from '../../shared/contract/schemas/profiles';

/** A profile row as the supervisor and the Profiles screen need it. */
export interface ProfileRow {
  id: number;
  name: string;
  type_code: string;
  active: number;
  state: ProfileState;
  state_detail: string | null;
  pause_reason: PauseReason | null;
  state_changed_at: number | null;
}

/** Turns the sealed credentials column into plaintext, in memory only; main owns the key. */
export type OpenCredentials = (sealed: Buffer | null) => Record<string, string>;

/** No sealing exists yet: a profile without credentials opens to {}, anything else is refused rather than guessed. */
export const noCredentials: OpenCredentials = (sealed) => {
  if (sealed !== null) throw new Error('this build cannot open sealed credentials');
  return {};
};

const SELECT = `SELECT p.id, p.name, t.code AS type_code, p.active, p.state, p.state_detail, p.pause_reason, p.state_changed_at
  FROM profiles p JOIN profile_types t ON t.id = p.profile_type_id WHERE p.deleted_at IS NULL`;

/** Synchronous profile reads and state writes, so a start decision and its spawn happen in one turn of the event loop. */
export class ProfileRows {
  private readonly one: Statement<[number], ProfileRow>;
  private readonly all: Statement<[], ProfileRow>;
  private readonly runnable: Statement<[], { id: number }>;
  private readonly forWorker: Statement<[number], { settings: string; defaults: string; credentials: Buffer | null }>;
  private readonly state: Statement<[ProfileState, string | null, PauseReason | null, number, number, number]>;
  private readonly activeFlag: Statement<[number, number, number]>;
  private readonly type: Statement<[string], { id: number }>;
  private readonly insert: Statement<[number, string, string, number, number]>;

  constructor(
    sqlite: Database,
    private readonly now: () => number,
  ) {
    this.one = sqlite.prepare(`${SELECT} AND p.id = ?`);
    this.all = sqlite.prepare(`${SELECT} ORDER BY p.id`);
    this.runnable = sqlite.prepare(`SELECT id FROM profiles WHERE deleted_at IS NULL AND active = 1 AND state <> 'paused' ORDER BY id`);
    this.forWorker = sqlite.prepare(
      'SELECT p.settings, t.defaults, p.credentials FROM profiles p JOIN profile_types t ON t.id = p.profile_type_id WHERE p.id = ?',
    );
    this.state = sqlite.prepare(
      'UPDATE profiles SET state = ?, state_detail = ?, pause_reason = ?, state_changed_at = ?, updated_at = ? WHERE id = ?',
    );
    this.activeFlag = sqlite.prepare('UPDATE profiles SET active = ?, updated_at = ? WHERE id = ?');
    this.type = sqlite.prepare('SELECT id FROM profile_types WHERE code = ?');
    this.insert = sqlite.prepare(
      "INSERT INTO profiles (profile_type_id, name, settings, active, state, created_at, updated_at) VALUES (?, ?, ?, 0, 'idle', ?, ?)",
    );
  }

  /** One live profile, or undefined. */
  get(id: number): ProfileRow | undefined {
    return this.one.get(id);
  }

  /** Every live profile by id. */
  list(): ProfileRow[] {
    return this.all.all();
  }

  /** Profiles that should have a worker when the app starts: active and not paused. */
  runnableIds(): number[] {
    return this.runnable.all().map((r) => r.id);
  }

  /** The welcome's profile: settings over the type's default settings, credentials opened in memory. */
  workerProfile(row: ProfileRow, open: OpenCredentials): WorkerProfile {
    const raw = this.forWorker.get(row.id);
    if (!raw) throw new Error(`profile ${row.id} is gone`);
    const defaults = (JSON.parse(raw.defaults) as { settings?: Record<string, unknown> }).settings ?? {};
    const settings = { ...defaults, ...(JSON.parse(raw.settings) as Record<string, unknown>) };
    return { id: row.id, name: row.name, typeCode: row.type_code, settings, credentials: open(raw.credentials) };
  }

  /** Records a state change; `pauseReason` is required exactly when the state is paused. */
  setState(id: number, state: ProfileState, detail: string | null, pauseReason: PauseReason | null = null): void {
    const now = this.now();
    this.state.run(state, detail, pauseReason, now, now, id);
  }

  /** Marks whether the operator wants this profile running (also across restarts of the app). */
  setActive(id: number, active: boolean): void {
    this.activeFlag.run(Number(active), this.now(), id);
  }

  /** Adds an inactive, idle profile; undefined when the type code is unknown. */
  create(typeCode: string, name: string, settings: Record<string, unknown>): number | undefined {
    const type = this.type.get(typeCode);
    if (!type) return undefined;
    const now = this.now();
    return Number(this.insert.run(type.id, name, JSON.stringify(settings), now, now).lastInsertRowid);
  }
}
