import type { Database, Statement } from 'better-sqlite3';
import type { UseHistory } from './use-history';

/** Reads one (profile, action)'s uses straight from quota_uses through cached statements; `at` re-points it without allocating. */
export class SqlUseHistory implements UseHistory {
  private profileId = 0;
  private action = '';
  private readonly count: Statement<[number, string, number], number>;
  private readonly nth: Statement<[number, string, number, number], number>;
  private readonly latest: Statement<[number, string], number | null>;
  private readonly domainCount: Statement<[number, string, number], number>;
  private readonly domainNth: Statement<[number, string, number, number], number>;
  private readonly all: Statement<[number, string, number], number>;
  private readonly domainAll: Statement<[number, string, number], number>;

  constructor(sqlite: Database) {
    const where = 'FROM quota_uses WHERE profile_id = ? AND action = ?';
    const byDomain = 'FROM quota_uses WHERE profile_id = ? AND recipient_domain = ?';
    this.count = sqlite.prepare<[number, string, number], number>(`SELECT COUNT(*) ${where} AND used_at > ?`).pluck();
    this.nth = sqlite.prepare<[number, string, number, number], number>(`SELECT used_at ${where} AND used_at > ? ORDER BY used_at LIMIT 1 OFFSET ?`).pluck();
    this.latest = sqlite.prepare<[number, string], number | null>(`SELECT MAX(used_at) ${where}`).pluck();
    this.domainCount = sqlite.prepare<[number, string, number], number>(`SELECT COUNT(*) ${byDomain} AND used_at > ?`).pluck();
    this.domainNth = sqlite
      .prepare<[number, string, number, number], number>(`SELECT used_at ${byDomain} AND used_at > ? ORDER BY used_at LIMIT 1 OFFSET ?`)
      .pluck();
    this.all = sqlite.prepare<[number, string, number], number>(`SELECT used_at ${where} AND used_at > ? ORDER BY used_at`).pluck();
    this.domainAll = sqlite.prepare<[number, string, number], number>(`SELECT used_at ${byDomain} AND used_at > ? ORDER BY used_at`).pluck();
  }

  /** Points the history at one profile and action. */
  at(profileId: number, action: string): this {
    this.profileId = profileId;
    this.action = action;
    return this;
  }

  countAfter(after: number): number {
    return this.count.get(this.profileId, this.action, after) ?? 0;
  }

  nthAfter(after: number, index: number): number {
    const at = this.nth.get(this.profileId, this.action, after, index);
    if (at === undefined) throw new Error(`no use #${index} of ${this.action} after ${after}`);
    return at;
  }

  last(): number | null {
    return this.latest.get(this.profileId, this.action) ?? null;
  }

  domainCountAfter(domain: string, after: number): number {
    return this.domainCount.get(this.profileId, domain, after) ?? 0;
  }

  domainNthAfter(domain: string, after: number, index: number): number {
    const at = this.domainNth.get(this.profileId, domain, after, index);
    if (at === undefined) throw new Error(`no use #${index} to ${domain} after ${after}`);
    return at;
  }

  /** The uses of the action after `after`, oldest first (planning loads them once). */
  usesAfter(after: number): number[] {
    return this.all.all(this.profileId, this.action, after);
  }

  /** The uses to a domain after `after`, oldest first. */
  domainUsesAfter(domain: string, after: number): number[] {
    return this.domainAll.all(this.profileId, domain, after);
  }
}
