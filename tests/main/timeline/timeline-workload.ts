import type { Database } from 'better-sqlite3';

const HOUR = 3_600_000;
/** Start of the simulated period. */
export const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
const TERMINAL = ['performed', 'failed', 'aborted', 'canceled'] as const;
const INCOMING = ['reply', 'auto_reply', 'hard_bounce', 'soft_bounce', 'unsubscribe'] as const;

/** A seeded pseudo-random generator (mulberry32), so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every bucket, sorted, as comparable text lines. */
export const bucketLines = (db: Database): string[] =>
  db
    .prepare('SELECT dimension_kind, dimension_id, bucket_at, metric, value FROM timeline_buckets ORDER BY 1, 2, 3, 4')
    .all()
    .map((r) => Object.values(r as Record<string, unknown>).join(' '));

/** One bucket's value (0 when absent). */
export const bucket = (db: Database, kind: string, id: number, at: number, metric: string): number =>
  (db.prepare('SELECT value FROM timeline_buckets WHERE dimension_kind = ? AND dimension_id = ? AND bucket_at = ? AND metric = ?').pluck().get(kind, id, at, metric) as number | undefined) ?? 0;

/** The records work hangs off: profiles, sources, rules with instances, sequences with steps and enrollments, leads. */
export interface Fixture {
  readonly profiles: number[];
  readonly sources: { id: number; urlId: number }[];
  readonly rules: number[];
  readonly sequences: { id: number; stepId: number }[];
  readonly leads: number[];
}

/** Inserts the records that work items reference. */
export function seedFixture(db: Database, size = 3): Fixture {
  const run = (sql: string, ...args: unknown[]) => Number(db.prepare(sql).run(...args).lastInsertRowid);
  const range = Array.from({ length: size }, (_, i) => i + 1);
  return {
    profiles: range.map((i) => run('INSERT INTO profiles (profile_type_id, name, created_at, updated_at) VALUES (1, ?, 0, 0)', `p${i}`)),
    sources: range.map((i) => {
      const id = run("INSERT INTO sources (source_type_id, name, cadence_seconds, created_at, updated_at) VALUES (4, ?, 3600, 0, 0)", `s${i}`);
      const urlId = run('INSERT INTO source_urls (source_id, url, url_norm, next_run_at, created_at, updated_at) VALUES (?, ?, ?, 0, 0, 0)', id, `https://x${i}.test`, `x${i}.test`);
      return { id, urlId };
    }),
    rules: range.map((i) => run("INSERT INTO rules (name, trigger_kind, action_kind, outreach_type_id, created_at, updated_at) VALUES (?, 'lead_created', 'outreach', 1, 0, 0)", `r${i}`)),
    sequences: range.map((i) => {
      const id = run('INSERT INTO sequences (name, created_at, updated_at) VALUES (?, 0, 0)', `q${i}`);
      const stepId = run('INSERT INTO sequence_steps (sequence_id, position, outreach_type_id, created_at, updated_at) VALUES (?, 1, 1, 0, 0)', id);
      return { id, stepId };
    }),
    leads: Array.from({ length: size * 10 }, () => run('INSERT INTO leads (created_at, updated_at) VALUES (0, 0)')),
  };
}

/**
 * Random work over a fixture: items created, finished, retried after being counted, counters bumped late, replies
 * re-threaded, rows deleted; every row a real insert or update on the real schema.
 */
export class RandomWorkload {
  private readonly open = new Map<string, number[]>([
    ['jobs', []],
    ['enrichments', []],
    ['outreach', []],
    ['rule_instances', []],
  ]);
  private readonly finished = new Map<string, number[]>([
    ['jobs', []],
    ['enrichments', []],
    ['outreach', []],
    ['rule_instances', []],
  ]);
  private readonly links: number[] = [];
  private readonly received: number[] = [];
  private readonly trackingEvents: number[] = [];
  private n = 0;

  constructor(
    private readonly db: Database,
    private readonly f: Fixture,
    private readonly random: () => number,
  ) {}

  /** Runs one random operation. */
  step(): void {
    const ops = [
      () => this.newJob(),
      () => this.newEnrichment(),
      () => this.newOutgoing(),
      () => this.newRuleInstance(),
      () => this.finishOne('jobs'),
      () => this.finishOne('enrichments'),
      () => this.finishOne('outreach'),
      () => this.finishOne('rule_instances'),
      () => this.finishOne('outreach'),
      () => this.receive(),
      () => this.receive(),
      () => this.track(),
      () => this.track(),
      () => this.retry(),
      () => this.lateEvents(),
      () => this.rethread(),
      () => this.deleteOne(),
    ];
    this.pick(ops)();
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private maybe<T>(value: T): T | null {
    return this.random() < 0.25 ? null : value;
  }

  private time(): number {
    return T0 + Math.floor(this.random() * 72 * HOUR);
  }

  private insert(sql: string, ...args: unknown[]): number {
    return Number(this.db.prepare(sql).run(...args).lastInsertRowid);
  }

  private ruleInstance(): number | null {
    if (this.random() < 0.5) return null;
    const rule = this.pick(this.f.rules);
    const lead = this.pick(this.f.leads);
    const existing = this.db.prepare("SELECT id FROM rule_instances WHERE rule_id = ? AND target_kind = 'lead' AND target_id = ?").pluck().get(rule, lead) as number | undefined;
    return existing ?? this.insert("INSERT INTO rule_instances (rule_id, target_kind, target_id, due_at, created_at, updated_at) VALUES (?, 'lead', ?, 0, 0, 0)", rule, lead);
  }

  private newJob(): void {
    const s = this.pick(this.f.sources);
    this.open.get('jobs')!.push(this.insert('INSERT INTO jobs (source_id, source_url_id, url, profile_id, due_at, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0, 0)', s.id, s.urlId, 'https://x.test', this.maybe(this.pick(this.f.profiles))));
  }

  private newEnrichment(): void {
    this.open.get('enrichments')!.push(
      this.insert('INSERT INTO enrichments (enrichment_type_id, lead_id, profile_id, rule_instance_id, idempotency_key, due_at, created_at, updated_at) VALUES (1, ?, ?, ?, ?, 0, 0, 0)', this.pick(this.f.leads), this.maybe(this.pick(this.f.profiles)), this.ruleInstance(), `e${this.n++}`),
    );
  }

  private newOutgoing(): void {
    const sequence = this.random() < 0.4 ? this.pick(this.f.sequences) : null;
    const lead = this.pick(this.f.leads);
    const enrollment = sequence && this.random() < 0.5 ? this.insert("INSERT INTO enrollments (sequence_id, lead_id, status, created_at, updated_at) VALUES (?, ?, 'completed', 0, 0)", sequence.id, lead) : null;
    this.open.get('outreach')!.push(
      this.insert(
        "INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, rule_instance_id, enrollment_id, sequence_step_id, approval, idempotency_key, due_at, created_at, updated_at) VALUES (1, 'outgoing', ?, ?, ?, ?, ?, 'approved', ?, 0, 0, 0)",
        lead,
        this.maybe(this.pick(this.f.profiles)),
        this.ruleInstance(),
        enrollment,
        sequence && !enrollment ? sequence.stepId : null,
        `o${this.n++}`,
      ),
    );
  }

  private newRuleInstance(): void {
    const id = this.ruleInstance();
    if (id !== null && this.db.prepare("SELECT status = 'pending' FROM rule_instances WHERE id = ?").pluck().get(id)) this.open.get('rule_instances')!.push(id);
  }

  private finishOne(table: string): void {
    const open = this.open.get(table)!;
    if (open.length === 0) return;
    const id = open.splice(Math.floor(this.random() * open.length), 1)[0]!;
    const status = this.random() < 0.7 ? 'performed' : this.pick(TERMINAL);
    const at = this.time();
    if (table === 'jobs') {
      const r = () => Math.floor(this.random() * 5);
      this.db.prepare('UPDATE jobs SET status = ?, finished_at = ?, events_seen = ?, events_new = ?, leads_new = ?, companies_new = ? WHERE id = ?').run(status, at, r(), r(), r(), r(), id);
    } else if (table === 'enrichments') {
      this.db.prepare('UPDATE enrichments SET status = ?, finished_at = ?, hit = ? WHERE id = ?').run(status, at, this.random() < 0.5 ? 1 : 0, id);
    } else if (table === 'outreach') {
      this.db.prepare('UPDATE outreach SET status = ?, finished_at = ?, occurred_at = ? WHERE id = ?').run(status, at, this.maybe(at - 1000), id);
    } else {
      this.db.prepare('UPDATE rule_instances SET status = ?, finished_at = ? WHERE id = ?').run(status, at, id);
    }
    this.finished.get(table)!.push(id);
  }

  private sent(): number | undefined {
    const finished = this.finished.get('outreach')!;
    return finished.length === 0 ? undefined : this.pick(finished);
  }

  private receive(): void {
    const parent = this.sent();
    if (parent === undefined) return;
    const accepted = this.random() < 0.2;
    this.received.push(
      this.insert(
        'INSERT INTO outreach (outreach_type_id, direction, incoming_kind, lead_id, profile_id, parent_outreach_id, occurred_at, status, due_at, created_at, updated_at) SELECT outreach_type_id, ?, ?, lead_id, ?, ?, ?, ?, 0, ?, 0 FROM outreach WHERE id = ?',
        accepted ? 'accepted' : 'incoming',
        accepted ? null : this.pick(INCOMING),
        this.maybe(this.pick(this.f.profiles)),
        this.maybe(parent),
        this.maybe(this.time()),
        this.pick(['pending', 'performed']),
        this.time(),
        parent,
      ),
    );
  }

  private track(): void {
    const outreach = this.sent();
    if (outreach === undefined) return;
    if (this.links.length === 0 || this.random() < 0.3) {
      const kind = this.pick(['open', 'click', 'unsubscribe'] as const);
      this.links.push(this.insert('INSERT INTO tracking_links (outreach_id, token, kind, url, created_at) VALUES (?, ?, ?, ?, 0)', outreach, `t${this.n++}`, kind, kind === 'click' ? 'https://x.test' : null));
    }
    this.trackingEvents.push(this.insert('INSERT INTO tracking_events (tracking_link_id, occurred_at) VALUES (?, ?)', this.pick(this.links), this.time()));
  }

  /** A finished item goes back to pending (operator retry): counted before, it must be uncounted now. */
  private retry(): void {
    const table = this.pick(['jobs', 'enrichments', 'outreach', 'rule_instances']);
    const finished = this.finished.get(table)!;
    if (finished.length === 0) return;
    const id = finished.splice(Math.floor(this.random() * finished.length), 1)[0]!;
    this.db.prepare(`UPDATE ${table} SET status = 'pending', finished_at = NULL WHERE id = ?`).run(id);
    this.open.get(table)!.push(id);
  }

  private lateEvents(): void {
    const finished = this.finished.get('jobs')!;
    if (finished.length > 0) this.db.prepare('UPDATE jobs SET events_seen = events_seen + 1, leads_new = leads_new + 1 WHERE id = ?').run(this.pick(finished));
  }

  private rethread(): void {
    const parent = this.sent();
    if (this.received.length > 0 && parent !== undefined) this.db.prepare('UPDATE outreach SET parent_outreach_id = ? WHERE id = ?').run(parent, this.pick(this.received));
  }

  private deleteOne(): void {
    if (this.trackingEvents.length === 0) return;
    const id = this.trackingEvents.splice(Math.floor(this.random() * this.trackingEvents.length), 1)[0]!;
    this.db.prepare('DELETE FROM tracking_events WHERE id = ?').run(id);
  }
}

