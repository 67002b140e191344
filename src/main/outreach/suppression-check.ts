import type { Database, Statement } from 'better-sqlite3';
import { normaliseDomain, normaliseEmail } from '../../shared/normalise';

/** Looks addresses up in the suppression list and adds hard bounces to it. */
export class SuppressionList {
  private readonly find: Statement<[string, string], { kind: string; value: string; reason: string }>;
  private readonly insert: Statement<[string, string, number | null, number, number]>;

  constructor(sqlite: Database) {
    this.find = sqlite.prepare(`SELECT kind, value, reason FROM suppressions WHERE deleted_at IS NULL
      AND ((kind = 'email' AND value = ?) OR (kind = 'domain' AND value = ?)) ORDER BY kind = 'email' DESC LIMIT 1`);
    this.insert = sqlite.prepare(`INSERT INTO suppressions (kind, value, reason, outreach_id, created_at, updated_at)
      VALUES ('email', ?, ?, ?, ?, ?) ON CONFLICT (kind, value) WHERE deleted_at IS NULL DO NOTHING`);
  }

  /** Why this email must not be contacted (its address or its domain is suppressed), or null. */
  reasonFor(email: string): string | null {
    const address = normaliseEmail(email);
    if (!address) return null;
    const domain = normaliseDomain(address) ?? '';
    const hit = this.find.get(address, domain);
    return hit ? `suppressed: ${hit.kind} ${hit.value} (${hit.reason})` : null;
  }

  /** Adds an email address (unless already listed). */
  addEmail(email: string, reason: 'hard_bounce' | 'unsubscribe' | 'remove_request', outreachId: number | null, now: number): void {
    const address = normaliseEmail(email);
    if (address) this.insert.run(address, reason, outreachId, now, now);
  }
}
