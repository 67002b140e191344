import type { Database, Statement } from 'better-sqlite3';
import type { WorkItem, WorkOutcome } from '../../shared/worker-protocol/messages';
import type { WorkSource } from './work-source';

interface DueRow {
  id: number;
  attempts: number;
  params: string;
  idempotency_key: string;
  lead_id: number | null;
  company_id: number | null;
  type_code: string;
}

const TICKET = /^enrichment:(\d{1,15}):(\d{1,6})$/;

/** How long a worker holds an item before it returns to pending (a crashed worker's items come back after this). */
export const WORK_LEASE_MS = 5 * 60_000;

/** Approved enrichments assigned to a profile, leased to its worker; results and effect records written in one transaction. */
export class EnrichmentWorkSource implements WorkSource {
  private readonly due: Statement<[number, number, number], DueRow>;
  private readonly lease: Statement<[string, number, number, number, number]>;
  private readonly finish: Statement<[string, string | null, number | null, string | null, string | null, number, number, string, number]>;
  private readonly retry: Statement<[string, number, number, string, number]>;
  private readonly owner: Statement<[number, string, number], { profile_id: number; attempts: number; max_attempts: number }>;
  private readonly effect: Statement<[string, number, number, string, string | null, string | null, number, number]>;
  private readonly expire: Statement<[number, number, number]>;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
    private readonly leaseMs: number,
  ) {
    this.due = sqlite.prepare(`
      SELECT e.id, e.attempts, e.params, e.idempotency_key, e.lead_id, e.company_id, t.code AS type_code
      FROM enrichments e JOIN enrichment_types t ON t.id = e.enrichment_type_id
      WHERE e.profile_id = ? AND e.status = 'pending' AND e.approval IN ('approved', 'auto') AND e.due_at <= ?
      ORDER BY e.due_at, e.id LIMIT ?`);
    this.lease = sqlite.prepare(`
      UPDATE enrichments SET status = 'running', attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?,
        started_at = COALESCE(started_at, ?), updated_at = ?
      WHERE id = ? AND status = 'pending'`);
    this.owner = sqlite.prepare(`
      SELECT profile_id, attempts, max_attempts FROM enrichments
      WHERE id = ? AND status = 'running' AND lease_owner = ? AND attempts = ?`);
    this.finish = sqlite.prepare(`
      UPDATE enrichments SET status = ?, result = ?, hit = ?, error_kind = ?, error_text = ?, lease_owner = NULL, lease_expires_at = NULL,
        finished_at = ?, updated_at = ?
      WHERE lease_owner = ? AND id = ?`);
    // The retry policy (backoff, caps) belongs to the planner; for now a transient failure is due again at once.
    this.retry = sqlite.prepare(`
      UPDATE enrichments SET status = 'pending', error_kind = 'transient', error_text = ?, lease_owner = NULL, lease_expires_at = NULL,
        due_at = ?, updated_at = ?
      WHERE lease_owner = ? AND id = ?`);
    this.effect = sqlite.prepare(`
      INSERT INTO effect_ledger (idempotency_key, work_kind, work_id, profile_id, outcome, external_ref, detail, started_at, finished_at)
      VALUES (?, 'enrichment', ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (idempotency_key) DO UPDATE SET outcome = excluded.outcome, external_ref = excluded.external_ref,
        detail = excluded.detail, finished_at = excluded.finished_at`);
    this.expire = sqlite.prepare(`
      UPDATE enrichments SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
        error_kind = 'transient', error_text = 'the worker lost its lease (crashed, hung or stopped)',
        finished_at = CASE WHEN attempts >= max_attempts THEN ? END,
        lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
      WHERE lease_expires_at <= ?`);
  }

  claim(profileId: number, workerId: string, max: number): WorkItem[] {
    const now = this.now();
    const expiresAt = now + this.leaseMs;
    return this.sqlite.transaction(() =>
      this.due.all(profileId, now, max).map((row): WorkItem => {
        this.lease.run(workerId, expiresAt, now, now, row.id);
        const attempt = row.attempts + 1;
        return {
          ticket: `enrichment:${row.id}:${attempt}`,
          kind: 'enrichment',
          recordId: row.id,
          typeCode: row.type_code,
          attempt,
          idempotencyKey: row.idempotency_key,
          target: row.lead_id !== null ? { kind: 'lead', id: row.lead_id } : { kind: 'company', id: row.company_id ?? 0 },
          params: JSON.parse(row.params) as Record<string, unknown>,
          leaseExpiresAt: expiresAt,
        };
      }),
    ).immediate();
  }

  complete(workerId: string, ticket: string, outcome: WorkOutcome): boolean {
    const match = TICKET.exec(ticket);
    if (!match) return false;
    const id = Number(match[1]);
    const now = this.now();
    return this.sqlite.transaction(() => {
      const row = this.owner.get(id, workerId, Number(match[2]));
      if (!row) return false;
      for (const e of outcome.effects) {
        this.effect.run(e.idempotencyKey, id, row.profile_id, e.outcome, e.externalRef, e.detail ? JSON.stringify(e.detail) : null, now, now);
      }
      if (outcome.outcome === 'performed') {
        this.finish.run('performed', JSON.stringify(outcome.output), outcome.hit === undefined ? null : Number(outcome.hit), null, null, now, now, workerId, id);
      } else if (outcome.errorKind === 'transient' && row.attempts < row.max_attempts) {
        this.retry.run(outcome.errorText, now, now, workerId, id);
      } else {
        const status = outcome.errorKind === 'policy' ? 'aborted' : 'failed';
        this.finish.run(status, null, null, outcome.errorKind, outcome.errorText, now, now, workerId, id);
      }
      return true;
    }).immediate();
  }

  expireLeases(): number {
    const now = this.now();
    return this.expire.run(now, now, now).changes;
  }
}
