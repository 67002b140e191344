import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import type { WorkKind } from '../../../src/shared/work-kind';
import { EventBus, type PushedEvent } from '../../../src/main/event-bus';
import { openStore } from '../../../src/main/store/store';
import { WorkEngine, type WorkEngineOptions } from '../../../src/main/work/work-engine';
import { ManualClock } from '../../helpers/manual-clock';
import { tempDir } from '../../helpers/temp-dir';
import { addDiagnosticType, addProfile } from '../supervisor/harness';

/** An engine over a fresh migrated store with one diagnostic profile, on a manual clock; random is 0.5 (no jitter) unless given. */
export function setupEngine(options: Partial<Omit<WorkEngineOptions, 'sqlite' | 'bus' | 'now'>> = {}) {
  const clock = new ManualClock();
  const store = openStore(join(tempDir(), 'outpost.sqlite'), () => clock.now());
  onTestFinished(() => store.close());
  addDiagnosticType(store.sqlite);
  const bus = new EventBus();
  const events: PushedEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const profile = addProfile(store.sqlite);
  const engine = new WorkEngine({ sqlite: store.sqlite, bus, now: () => clock.now(), leaseMs: 10_000, random: () => 0.5, ...options });
  return { clock, sqlite: store.sqlite, bus, events, profile, engine };
}

const table: Record<WorkKind, string> = {
  job: 'jobs',
  enrichment: 'enrichments',
  outreach: 'outreach',
  inbox_check: 'inbox_checks',
  connection_check: 'connection_checks',
};

/** The work columns of any item. */
export function workRow(sqlite: Database, kind: WorkKind, id: number) {
  return sqlite.prepare(`SELECT status, attempts, max_attempts, error_kind, error_text, due_at, lease_owner FROM ${table[kind]} WHERE id = ?`).get(id) as {
    status: string;
    attempts: number;
    max_attempts: number;
    error_kind: string | null;
    error_text: string | null;
    due_at: number;
    lease_owner: string | null;
  };
}

const lead = (sqlite: Database, email: string | null = null) =>
  Number(sqlite.prepare('INSERT INTO leads (first_name, email, created_at, updated_at) VALUES (?, ?, 0, 0)').run('Ada', email).lastInsertRowid);

/** A page job of a public-page source, assigned to the profile. */
export function addJob(sqlite: Database, profileId: number, dueAt: number): number {
  const type = sqlite.prepare("SELECT id FROM source_types WHERE code = 'public_page'").get() as { id: number };
  const source = Number(
    sqlite
      .prepare("INSERT INTO sources (source_type_id, name, cadence_seconds, params, created_at, updated_at) VALUES (?, 'src', 60, '{\"depth\":1}', 0, 0)")
      .run(type.id).lastInsertRowid,
  );
  const url = Number(
    sqlite
      .prepare("INSERT INTO source_urls (source_id, url, url_norm, next_run_at, created_at, updated_at) VALUES (?, 'https://example.com/', 'example.com/', 0, 0, 0)")
      .run(source).lastInsertRowid,
  );
  return Number(
    sqlite
      .prepare("INSERT INTO jobs (source_id, source_url_id, url, profile_id, due_at, created_at, updated_at) VALUES (?, ?, 'https://example.com/', ?, ?, 0, 0)")
      .run(source, url, profileId, dueAt).lastInsertRowid,
  );
}

let outreachKey = 1;

/** An approved outgoing email to a fresh lead, assigned to the profile, with Message-ID `<m{n}@outpost>`. */
export function addOutreach(sqlite: Database, profileId: number, dueAt: number, approval = 'approved'): number {
  const type = sqlite.prepare("SELECT id FROM outreach_types WHERE code = 'email'").get() as { id: number };
  return Number(
    sqlite
      .prepare(
        `INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, lead_address, subject, body, message_id, approval, idempotency_key, due_at, created_at, updated_at)
         VALUES (?, 'outgoing', ?, ?, 'ada@Example.com', 'Hello', 'Body', ?, ?, ?, ?, 0, 0)`,
      )
      .run(type.id, lead(sqlite, 'ada@example.com'), profileId, `<m${outreachKey}@outpost>`, approval, `out-${process.pid}-${outreachKey++}`, dueAt).lastInsertRowid,
  );
}

/** An inbox or connection check of the profile. */
export function addCheck(sqlite: Database, kind: 'inbox_check' | 'connection_check', profileId: number, dueAt: number): number {
  return Number(sqlite.prepare(`INSERT INTO ${table[kind]} (profile_id, due_at, created_at, updated_at) VALUES (?, ?, 0, 0)`).run(profileId, dueAt).lastInsertRowid);
}
