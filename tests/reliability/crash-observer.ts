import Database from 'better-sqlite3';

/** An import as the API reports it. */
export interface ImportView {
  id: number;
  fileName: string;
  status: string;
  rowsStaged: number;
  inserted: number;
  merged: number;
  duplicate: number;
  rejected: number;
}

/** An outreach row as the API reports it. */
export interface OutreachView {
  id: number;
  leadId: number;
  profileId: number | null;
  direction: string;
  status: string;
  approval: string | null;
  messageId: string | null;
}

/** What the API said at one moment. */
export interface Snapshot {
  readonly leads: number;
  readonly imports: readonly ImportView[];
  readonly outreach: readonly OutreachView[];
}

const COUNTERS = ['rowsStaged', 'inserted', 'merged', 'duplicate', 'rejected'] as const;

/**
 * Remembers everything the API reported as committed (lead count, import counters, outreach rows and which were
 * sent) and, after a restart, names every such row that is gone or went backwards.
 */
export class CommittedRows {
  private maxLeads = 0;
  private readonly imports = new Map<number, ImportView>();
  private readonly outreach = new Map<number, OutreachView>();
  /** Rows compared against what was reported before a kill, summed over all checks. */
  rowsChecked = 0;

  /** Records a snapshot the API answered. */
  saw(s: Snapshot): void {
    this.maxLeads = Math.max(this.maxLeads, s.leads);
    for (const i of s.imports) this.imports.set(i.id, i);
    for (const o of s.outreach) {
      const before = this.outreach.get(o.id);
      // a sent row stays the evidence: later views cannot un-send it
      if (before?.status !== 'performed') this.outreach.set(o.id, o);
    }
  }

  /** What is missing or went backwards in `now` compared with everything seen before. */
  lost(now: Snapshot): string[] {
    const problems: string[] = [];
    if (now.leads < this.maxLeads) problems.push(`lead count went down from ${this.maxLeads} to ${now.leads}`);
    const imports = new Map(now.imports.map((i) => [i.id, i]));
    for (const before of this.imports.values()) {
      const after = imports.get(before.id);
      if (!after) {
        problems.push(`import ${before.id} (${before.fileName}) is gone`);
        continue;
      }
      for (const c of COUNTERS) if (after[c] < before[c]) problems.push(`import ${before.id} ${c} went down from ${before[c]} to ${after[c]}`);
      if (before.status === 'done' && after.status !== 'done') problems.push(`import ${before.id} was done and is now ${after.status}`);
    }
    const outreach = new Map(now.outreach.map((o) => [o.id, o]));
    for (const before of this.outreach.values()) {
      const after = outreach.get(before.id);
      if (!after) problems.push(`outreach ${before.id} is gone`);
      else if (before.status === 'performed' && after.status !== 'performed') problems.push(`outreach ${before.id} was sent and is now ${after.status}`);
      else if (before.messageId !== null && after.messageId !== before.messageId) problems.push(`outreach ${before.id} changed its Message-ID`);
    }
    this.rowsChecked += this.maxLeads + this.imports.size + this.outreach.size;
    return problems;
  }
}

/** Opens the data folder's database read-only beside the running app: integrity and foreign keys, as problems. */
export function checkDatabaseFile(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const problems = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok').map((r) => `integrity_check: ${r}`);
    const orphans = db.pragma('foreign_key_check') as unknown[];
    if (orphans.length > 0) problems.push(`foreign_key_check: ${orphans.length} rows point nowhere, e.g. ${JSON.stringify(orphans[0])}`);
    return problems;
  } finally {
    db.close();
  }
}

/** A work item some worker held when the app died. */
export interface HeldItem {
  readonly table: string;
  readonly id: number;
  readonly owner: string;
}

const WORK_TABLES = ['outreach', 'inbox_checks', 'jobs', 'enrichments', 'connection_checks'];

/** Work items running under a lease; read while the app is down, every one of them belongs to a dead worker. */
export function heldItems(file: string): HeldItem[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    return WORK_TABLES.filter((t) => tables.has(t)).flatMap((table) =>
      (db.prepare(`SELECT id, lease_owner AS owner FROM ${table} WHERE status = 'running'`).all() as { id: number; owner: string }[]).map((r) => ({ table, ...r })),
    );
  } finally {
    db.close();
  }
}

/** Those of `held` still running under the same dead worker's lease, as problems. */
export function stillHeld(file: string, held: readonly HeldItem[]): string[] {
  const now = new Set(heldItems(file).map((h) => `${h.table}:${h.id}:${h.owner}`));
  return held.filter((h) => now.has(`${h.table}:${h.id}:${h.owner}`)).map((h) => `${h.table} ${h.id} is still running under the lease of killed worker ${h.owner}`);
}
