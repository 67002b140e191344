import type { Database, Statement } from 'better-sqlite3';
import type { WorkerProfile } from '../../shared/worker-protocol/messages';
import type { PauseReason, ProfileState } from '../../shared/contract/schemas/profiles';
import { effectiveSettings } from '../profiles/profile-settings';

/** A profile row as the supervisor and the Profiles screen need it (never the sealed credentials). */
export interface ProfileRow {
  id: number;
  name: string;
  type_code: string;
  access: 'mta' | 'api' | 'rpa' | 'basic';
  active: number;
  state: ProfileState;
  state_detail: string | null;
  pause_reason: PauseReason | null;
  state_changed_at: number | null;
  settings: string;
  quotas: string;
  policy: string;
  type_defaults: string;
  /** JSON array of the credential field names stored (sealed) for this profile. */
  credential_fields: string;
  created_at: number;
}

/** A catalogue profile type as profile validation needs it. */
export interface ProfileTypeRow {
  id: number;
  code: string;
  access: 'mta' | 'api' | 'rpa' | 'basic';
  channel_code: string;
  defaults: string;
}

/** A profile's own editable columns (JSON as objects). */
export interface ProfileFields {
  name: string;
  settings: Record<string, unknown>;
  quotas: Record<string, unknown>;
  policy: Record<string, unknown>;
}

/** Sealed credentials (or how to seal them) with the names of the fields they hold. */
export interface SealedCredentials<S> {
  readonly seal: S;
  readonly fields: readonly string[];
}

/** Turns the sealed credentials column into plaintext, in memory only; main owns the key. */
export type OpenCredentials = (sealed: Buffer | null, profileId: number) => Record<string, string>;

/** Opens profiles without credentials to {} and refuses anything sealed (for tests that need no secrets). */
export const noCredentials: OpenCredentials = (sealed) => {
  if (sealed !== null) throw new Error('no secret box was given to open sealed credentials');
  return {};
};

const SELECT = `SELECT p.id, p.name, t.code AS type_code, t.access, p.active, p.state, p.state_detail, p.pause_reason, p.state_changed_at,
  p.settings, p.quotas, p.policy, t.defaults AS type_defaults, p.credential_fields, p.created_at
  FROM profiles p JOIN profile_types t ON t.id = p.profile_type_id WHERE p.deleted_at IS NULL`;

const workTables = ['jobs', 'enrichments', 'outreach', 'inbox_checks', 'connection_checks'] as const;

/** Synchronous profile reads and writes, so a start decision and its spawn happen in one turn of the event loop. */
export class ProfileRows {
  private readonly one: Statement<[number], ProfileRow>;
  private readonly all: Statement<[], ProfileRow>;
  private readonly runnable: Statement<[], { id: number }>;
  private readonly sealed: Statement<[number], { credentials: Buffer | null }>;
  private readonly state: Statement<[ProfileState, string | null, PauseReason | null, number, number, number]>;
  private readonly activeFlag: Statement<[number, number, number]>;
  private readonly type: Statement<[string], ProfileTypeRow>;
  private readonly insert: Statement<[number, string, string, string, string, number, number]>;
  private readonly edit: Statement<[string, string, string, string, number, number]>;
  private readonly credentialsWrite: Statement<[Buffer | null, string, number, number]>;
  private readonly remove: Statement<[number, number, number]>;
  private readonly tagRead: Statement<[number], { id: number; name: string; color: string }>;
  private readonly tagExists: Statement<[number], { id: number }>;
  private readonly tagUnlink: Statement<[number, number]>;
  private readonly tagLink: Statement<[number, number, number]>;
  private readonly lastFailure: Statement<number[], { error_text: string; at: number }>;
  private readonly running: Statement<number[], { n: number }>;
  private readonly snapshotRead: Statement<number[], { error_snapshot: string }>;
  private readonly release: Statement<[number, number]>[];

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
    /** Adds main-made settings at the welcome (a browser profile's folders and site pack). */
    private readonly welcomeSettings: (row: ProfileRow, settings: Record<string, unknown>) => Record<string, unknown> = (_row, settings) => settings,
  ) {
    this.one = sqlite.prepare(`${SELECT} AND p.id = ?`);
    this.all = sqlite.prepare(`${SELECT} ORDER BY p.id`);
    this.runnable = sqlite.prepare(`SELECT id FROM profiles WHERE deleted_at IS NULL AND active = 1 AND state <> 'paused' ORDER BY id`);
    this.sealed = sqlite.prepare('SELECT credentials FROM profiles WHERE id = ?');
    this.state = sqlite.prepare(
      'UPDATE profiles SET state = ?, state_detail = ?, pause_reason = ?, state_changed_at = ?, updated_at = ? WHERE id = ?',
    );
    this.activeFlag = sqlite.prepare('UPDATE profiles SET active = ?, updated_at = ? WHERE id = ?');
    this.type = sqlite.prepare(
      'SELECT t.id, t.code, t.access, c.code AS channel_code, t.defaults FROM profile_types t JOIN channels c ON c.id = t.channel_id WHERE t.code = ?',
    );
    this.insert = sqlite.prepare(
      "INSERT INTO profiles (profile_type_id, name, settings, quotas, policy, active, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 'idle', ?, ?)",
    );
    this.edit = sqlite.prepare('UPDATE profiles SET name = ?, settings = ?, quotas = ?, policy = ?, updated_at = ? WHERE id = ?');
    this.credentialsWrite = sqlite.prepare('UPDATE profiles SET credentials = ?, credential_fields = ?, updated_at = ? WHERE id = ?');
    this.remove = sqlite.prepare('UPDATE profiles SET deleted_at = ?, active = 0, updated_at = ? WHERE id = ? AND deleted_at IS NULL');
    this.tagRead = sqlite.prepare(
      `SELECT t.id, t.name, t.color FROM tag_links l JOIN tags t ON t.id = l.tag_id AND t.deleted_at IS NULL
       WHERE l.target_kind = 'profile' AND l.target_id = ? AND l.removed_at IS NULL ORDER BY l.id DESC LIMIT 1`,
    );
    this.tagExists = sqlite.prepare('SELECT id FROM tags WHERE id = ? AND deleted_at IS NULL');
    this.tagUnlink = sqlite.prepare(
      "UPDATE tag_links SET removed_by_kind = 'person', removed_at = ? WHERE target_kind = 'profile' AND target_id = ? AND removed_at IS NULL",
    );
    this.tagLink = sqlite.prepare(
      "INSERT INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_at) VALUES (?, 'profile', ?, 'person', ?)",
    );
    this.lastFailure = sqlite.prepare(
      `SELECT error_text, at FROM (${workTables
        // Newest by due time walks the (profile_id, status, due_at) index backwards: O(log n) even with 100,000 failures.
        .map((t) => `SELECT * FROM (SELECT error_text, due_at, coalesce(finished_at, updated_at) AS at FROM ${t} WHERE profile_id = ? AND status = 'failed' AND error_text IS NOT NULL ORDER BY due_at DESC LIMIT 1)`)
        .join(' UNION ALL ')}) ORDER BY due_at DESC LIMIT 1`,
    );
    // The failure snapshot (screenshot, HTML) most recently kept by one of the profile's items: what a pause shows.
    this.snapshotRead = sqlite.prepare(
      `SELECT error_snapshot FROM (${['jobs', 'outreach', 'inbox_checks', 'connection_checks']
        .map((t) => `SELECT * FROM (SELECT error_snapshot, updated_at FROM ${t} WHERE profile_id = ? AND error_snapshot IS NOT NULL ORDER BY updated_at DESC LIMIT 1)`)
        .join(' UNION ALL ')}) ORDER BY updated_at DESC LIMIT 1`,
    );
    this.running = sqlite.prepare(
      `SELECT (${workTables.map((t) => `(SELECT count(*) FROM ${t} WHERE profile_id = ? AND status = 'running')`).join(' + ')}) AS n`,
    );
    // Pending items assigned to a deleted profile go back to the planner; its own checks are canceled.
    this.release = [
      ...(['jobs', 'enrichments', 'outreach'] as const).map((t) =>
        sqlite.prepare<[number, number]>(`UPDATE ${t} SET profile_id = NULL, updated_at = ? WHERE profile_id = ? AND status = 'pending'`),
      ),
      ...(['inbox_checks', 'connection_checks'] as const).map((t) =>
        sqlite.prepare<[number, number]>(`UPDATE ${t} SET status = 'canceled', updated_at = ? WHERE profile_id = ? AND status = 'pending'`),
      ),
    ];
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

  /** The welcome's profile: settings merged over the type's default settings, credentials opened in memory. */
  workerProfile(row: ProfileRow, open: OpenCredentials): WorkerProfile {
    const sealed = this.sealed.get(row.id);
    if (!sealed) throw new Error(`profile ${row.id} is gone`);
    const settings = effectiveSettings(JSON.parse(row.type_defaults), JSON.parse(row.settings));
    return { id: row.id, name: row.name, typeCode: row.type_code, settings: this.welcomeSettings(row, settings), credentials: open(sealed.credentials, row.id) };
  }

  /** The sealed credentials column (for a partial credential update). */
  sealedCredentials(id: number): Buffer | null {
    return this.sealed.get(id)?.credentials ?? null;
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

  /** A catalogue profile type by code. */
  typeByCode(code: string): ProfileTypeRow | undefined {
    return this.type.get(code);
  }

  /** True when a live tag has this id. */
  tagExistsById(tagId: number): boolean {
    return this.tagExists.get(tagId) !== undefined;
  }

  /** Adds an inactive, idle profile with its sealed credentials (and their field names) and tag, in one transaction; `seal` gets the new id (credentials are bound to it). */
  create(typeId: number, fields: ProfileFields, credentials: SealedCredentials<(id: number) => Buffer | null>, tagId: number | null): number {
    return this.sqlite.transaction(() => {
      const now = this.now();
      const json = [JSON.stringify(fields.settings), JSON.stringify(fields.quotas), JSON.stringify(fields.policy)] as const;
      const id = Number(this.insert.run(typeId, fields.name, ...json, now, now).lastInsertRowid);
      this.credentialsWrite.run(credentials.seal(id), JSON.stringify(credentials.fields), now, id);
      if (tagId !== null) this.tagLink.run(tagId, id, now);
      return id;
    })();
  }

  /** Writes a profile's editable fields; credentials and tag only when given (undefined keeps them). */
  update(id: number, fields: ProfileFields, credentials: SealedCredentials<Buffer | null> | undefined, tagId: number | null | undefined): void {
    this.sqlite.transaction(() => {
      const now = this.now();
      this.edit.run(fields.name, JSON.stringify(fields.settings), JSON.stringify(fields.quotas), JSON.stringify(fields.policy), now, id);
      if (credentials) this.credentialsWrite.run(credentials.seal, JSON.stringify(credentials.fields), now, id);
      if (tagId !== undefined && tagId !== this.tagOf(id)?.id) {
        this.tagUnlink.run(now, id);
        if (tagId !== null) this.tagLink.run(tagId, id, now);
      }
    })();
  }

  /** The profile's tag, if any. */
  tagOf(id: number): { id: number; name: string; color: string } | null {
    return this.tagRead.get(id) ?? null;
  }

  /** The error of the profile's most recently due failed work item. */
  lastError(id: number): { text: string; at: number } | null {
    const row = this.lastFailure.get(...workTables.map(() => id));
    return row ? { text: row.error_text, at: row.at } : null;
  }

  /** The newest failure snapshot (JSON of file names) of the profile's items, or null. */
  lastSnapshot(id: number): string | null {
    return this.snapshotRead.get(id, id, id, id)?.error_snapshot ?? null;
  }

  /** How many work items of the profile are running (leased to its worker) now. */
  runningWork(id: number): number {
    return this.running.get(...workTables.map(() => id))?.n ?? 0;
  }

  /** Soft-deletes the profile in one transaction: its pending work is released to the planner or canceled; false if it was already gone. */
  delete(id: number): boolean {
    return this.sqlite.transaction(() => {
      const now = this.now();
      if (this.remove.run(now, now, id).changes === 0) return false;
      for (const statement of this.release) statement.run(now, id);
      this.tagUnlink.run(now, id);
      return true;
    })();
  }
}
