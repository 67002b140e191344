import type { Database, Statement } from 'better-sqlite3';
import { normaliseEmail } from '../../shared/normalise';
import { isSuppressed, suppressionText } from '../suppression/is-suppressed';

/** Looks email addresses up in the one suppression list (`src/main/suppression`) and adds hard bounces to it. */
export class SuppressionList {
  private readonly insert: Statement<[string, string, number | null, number, number]>;

  constructor(private readonly sqlite: Database) {
    this.insert = sqlite.prepare(`INSERT INTO suppressions (kind, value, reason, outreach_id, created_at, updated_at)
      VALUES ('email', ?, ?, ?, ?, ?) ON CONFLICT (kind, value) WHERE deleted_at IS NULL DO NOTHING`);
  }

  /** Why this email must not be contacted (its address or its domain is suppressed), or null. */
  reasonFor(email: string): string | null {
    const hit = isSuppressed(this.sqlite, { email });
    return hit ? suppressionText(hit) : null;
  }

  /** Adds an email address (unless already listed). */
  addEmail(email: string, reason: 'hard_bounce' | 'unsubscribe' | 'remove_request', outreachId: number | null, now: number): void {
    const address = normaliseEmail(email);
    if (address) this.insert.run(address, reason, outreachId, now, now);
  }
}
