import type { Database, Statement } from 'better-sqlite3';
import type { KindTable } from './kind-tables';
import type { FailureSnapshot } from '../../shared/worker-protocol/messages';

/** A due item as a claim sees it, whatever its table. */
export interface DueRow {
  id: number;
  profile_id: number;
  attempts: number;
  due_at: number;
  type_code: string;
  quota_action: string | null;
  idempotency_key: string;
  lead_id: number | null;
  company_id: number | null;
  payload: string;
  recipient_domain: string | null;
}

/** The running item a worker reports on, when it still holds the lease. */
export interface OwnedRow {
  profile_id: number;
  attempts: number;
  max_attempts: number;
  type_code: string;
}

/** An item whose lease ran out. */
export interface ExpiredRow {
  id: number;
  profile_id: number;
  lease_owner: string;
  attempts: number;
  max_attempts: number;
}

/** The work columns of one item. */
export interface WorkRow {
  id: number;
  profile_id: number | null;
  status: string;
  attempts: number;
  max_attempts: number;
  error_kind: string | null;
  error_text: string | null;
  due_at: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  started_at: number | null;
  finished_at: number | null;
}

type Id = number;
type Now = number;

/** Every statement the engine runs against one kind's table, prepared once. */
export class KindStatements {
  readonly due: Statement<[Id, Now, number], DueRow>;
  /** Items of unknown outcome whose verification is due; undefined for kinds without effects. */
  readonly dueVerify: Statement<[Id, Now, number], DueRow> | undefined;
  readonly postpone: Statement<[number, Now, Id]>;
  readonly lease: Statement<[string, number, Now, Now, Id]>;
  readonly leaseVerify: Statement<[string, number, Now, Id]>;
  readonly owned: Statement<[Id, string, number], OwnedRow>;
  /** The item's profile and type code, whoever holds it. */
  readonly owner: Statement<[Id], { profile_id: number; type_code: string }>;
  readonly finish: Statement<[string, string | null, string | null, Now, Now, Id]>;
  private readonly result: Statement<unknown[]> | undefined;
  private readonly snapshot: Statement<[string, Id]> | undefined;
  readonly requeue: Statement<[string | null, string | null, number, number, Now, Id]>;
  readonly unknown: Statement<[string | null, Now, Id]>;
  readonly expired: Statement<[Now], ExpiredRow>;
  readonly row: Statement<[Id], WorkRow>;
  readonly operatorRetry: Statement<[Now, Now, Id]>;

  constructor(
    sqlite: Database,
    readonly spec: KindTable,
  ) {
    const t = spec.table;
    const columns = `w.id, w.profile_id, w.attempts, w.due_at, ${spec.typeCode} AS type_code, ${spec.quotaAction} AS quota_action,
      ${spec.idempotencyKey} AS idempotency_key, ${spec.leadId} AS lead_id, ${spec.companyId} AS company_id,
      ${spec.payload} AS payload, ${spec.recipientDomain} AS recipient_domain`;
    this.due = sqlite.prepare(`SELECT ${columns} FROM ${spec.from}
      WHERE w.profile_id = ? AND w.status = 'pending' AND w.due_at <= ? AND ${spec.workable}
      ORDER BY w.due_at, w.id LIMIT ?`);
    this.dueVerify = spec.effects
      ? sqlite.prepare(`SELECT ${columns.replace('w.due_at', 'u.due_at')} FROM ${spec.from}
          JOIN unknown_outcomes u ON u.work_kind = '${spec.kind}' AND u.work_id = w.id
          WHERE u.profile_id = ? AND u.state = 'verify' AND u.due_at <= ? AND w.status = 'unknown'
          ORDER BY u.due_at, w.id LIMIT ?`)
      : undefined;
    this.postpone = sqlite.prepare(`UPDATE ${t} SET due_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'`);
    this.lease = sqlite.prepare(`UPDATE ${t} SET status = 'running', attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?,
      started_at = COALESCE(started_at, ?), updated_at = ? WHERE id = ? AND status = 'pending'`);
    this.leaseVerify = sqlite.prepare(`UPDATE ${t} SET status = 'running', lease_owner = ?, lease_expires_at = ?, updated_at = ?
      WHERE id = ? AND status = 'unknown'`);
    this.owned = sqlite.prepare(`SELECT w.profile_id, w.attempts, w.max_attempts, ${spec.typeCode} AS type_code FROM ${spec.from}
      WHERE w.id = ? AND w.status = 'running' AND w.lease_owner = ? AND w.attempts = ?`);
    this.owner = sqlite.prepare(`SELECT w.profile_id, ${spec.typeCode} AS type_code FROM ${spec.from} WHERE w.id = ? AND w.profile_id IS NOT NULL`);
    this.finish = sqlite.prepare(`UPDATE ${t} SET status = ?, error_kind = ?, error_text = ?, lease_owner = NULL, lease_expires_at = NULL,
      finished_at = ?, updated_at = ? WHERE id = ?`);
    const resultColumns = [spec.result ? 'result = ?' : '', spec.hit ? 'hit = ?' : ''].filter(Boolean).join(', ');
    this.result = spec.result ? sqlite.prepare(`UPDATE ${t} SET ${resultColumns} WHERE id = ?`) : undefined;
    this.snapshot = spec.snapshot ? sqlite.prepare(`UPDATE ${t} SET error_snapshot = ? WHERE id = ?`) : undefined;
    this.requeue = sqlite.prepare(`UPDATE ${t} SET status = 'pending', error_kind = ?, error_text = ?, due_at = ?, attempts = attempts - ?,
      lease_owner = NULL, lease_expires_at = NULL, finished_at = NULL, updated_at = ? WHERE id = ?`);
    this.unknown = sqlite.prepare(`UPDATE ${t} SET status = 'unknown', error_text = COALESCE(?, error_text),
      lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE id = ?`);
    this.expired = sqlite.prepare(`SELECT id, profile_id, lease_owner, attempts, max_attempts FROM ${t} WHERE lease_expires_at <= ?`);
    this.row = sqlite.prepare(`SELECT id, profile_id, status, attempts, max_attempts, error_kind, error_text, due_at, lease_owner,
      lease_expires_at, started_at, finished_at FROM ${t} WHERE id = ?`);
    // The operator asked for one more attempt, now.
    this.operatorRetry = sqlite.prepare(`UPDATE ${t} SET status = 'pending', max_attempts = attempts + 1, due_at = ?,
      lease_owner = NULL, lease_expires_at = NULL, finished_at = NULL, updated_at = ? WHERE id = ?`);
  }

  /** Keeps a failure's screenshot and HTML file names (JSON) on the item, where the kind has room for them. */
  writeSnapshot(id: number, snapshot: FailureSnapshot | undefined): void {
    if (snapshot && this.snapshot) this.snapshot.run(JSON.stringify(snapshot), id);
  }

  /** Writes a performed outcome's output to the columns this kind has. */
  writeResult(id: number, output: Record<string, unknown>, hit: boolean | undefined): void {
    if (!this.result) return;
    const args: (string | number | null)[] = [JSON.stringify(output)];
    if (this.spec.hit) args.push(hit === undefined ? null : Number(hit));
    this.result.run(...args, id);
  }
}
