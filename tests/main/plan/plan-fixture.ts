import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import pino from 'pino';
import { onTestFinished } from 'vitest';
import { ConnectivityMonitor } from '../../../src/main/connectivity/connectivity-monitor';
import { EventBus } from '../../../src/main/event-bus';
import { Planner } from '../../../src/main/plan/planner';
import { StoreQuotaGate } from '../../../src/main/quota/store-quota-gate';
import { openStore } from '../../../src/main/store/store';
import type { Clock } from '../../../src/shared/clock';
import { ManualClock } from '../../helpers/manual-clock';
import { tempDir } from '../../helpers/temp-dir';

const YEAR_MS = 365 * 86_400_000;

/** A probe whose answer the test sets. */
export class SwitchProbe {
  ok = true;
  calls = 0;
  readonly probe = async (): Promise<boolean> => {
    this.calls += 1;
    return this.ok;
  };
}

/** A real store with the catalogue, a real quota gate and connectivity monitor on a test clock, and row builders. */
export function planFixture(clock: Clock = new ManualClock()) {
  const store = openStore(join(tempDir(), 'outpost.db'), () => clock.now());
  const sqlite: Database = store.sqlite;
  const bus = new EventBus();
  const logger = pino({ level: 'silent' });
  const quotas = new StoreQuotaGate(sqlite, bus, clock);
  const probe = new SwitchProbe();
  const connectivity = new ConnectivityMonitor({ clock, bus, logger, probe: probe.probe, backoff: { initialMs: 60_000, maxMs: 15 * 60_000 } });
  onTestFinished(async () => {
    await connectivity.close();
    quotas.close();
    await store.close();
  });
  const run = (sql: string, ...args: unknown[]): number => Number(sqlite.prepare(sql).run(...args).lastInsertRowid);
  const typeId = (table: string, code: string): number => sqlite.prepare(`SELECT id FROM ${table} WHERE code = ?`).pluck().get(code) as number;
  let serial = 0;

  const f = {
    store,
    sqlite,
    bus,
    logger,
    clock,
    quotas,
    probe,
    connectivity,
    run,
    planner: (missedMs?: number) => new Planner(sqlite, quotas, connectivity, { missedMs }),
    /** A profile of a catalogue type, created a year ago (no ramp-up) unless said otherwise. */
    profile(code: string, o: { active?: boolean; state?: string; pauseReason?: string; createdAt?: number; deleted?: boolean; policy?: object } = {}): number {
      return run(
        `INSERT INTO profiles (profile_type_id, name, active, state, pause_reason, policy, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        typeId('profile_types', code),
        `${code}-${++serial}`,
        o.active === false ? 0 : 1,
        o.state ?? 'idle',
        o.pauseReason ?? null,
        JSON.stringify(o.policy ?? {}),
        o.createdAt ?? clock.now() - YEAR_MS,
        clock.now(),
        o.deleted ? clock.now() : null,
      );
    },
    lead(email = `lead${++serial}@example.com`): number {
      return run('INSERT INTO leads (email, email_norm, created_at, updated_at) VALUES (?, ?, 0, 0)', email, email);
    },
    /** An outgoing outreach row; approved unless said otherwise. */
    outreach(leadId: number, o: { type?: string; approval?: string; profileId?: number | null; dueAt?: number; status?: string; attempts?: number; address?: string; createdAt?: number } = {}): number {
      const at = o.createdAt ?? clock.now();
      return run(
        `INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, lead_address, subject, body, approval, idempotency_key, status, attempts, due_at, created_at, updated_at)
         VALUES (?, 'outgoing', ?, ?, ?, 'Hi', 'Hello', ?, ?, ?, ?, ?, ?, ?)`,
        typeId('outreach_types', o.type ?? 'email'),
        leadId,
        o.profileId ?? null,
        o.address ?? `lead${leadId}@example.com`,
        o.approval ?? 'approved',
        `o-${++serial}`,
        o.status ?? 'pending',
        o.attempts ?? 0,
        o.dueAt ?? at,
        at,
        at,
      );
    },
    enrichment(leadId: number, o: { type?: string; approval?: string; profileId?: number | null } = {}): number {
      return run(
        `INSERT INTO enrichments (enrichment_type_id, lead_id, profile_id, approval, idempotency_key, due_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        typeId('enrichment_types', o.type ?? 'verify_email'),
        leadId,
        o.profileId ?? null,
        o.approval ?? 'approved',
        `e-${++serial}`,
        clock.now(),
        clock.now(),
        clock.now(),
      );
    },
    /** A source of a catalogue type with one URL due at `nextRunAt`. */
    source(code: string, url: string, o: { profileId?: number | null; cadenceSeconds?: number; nextRunAt?: number } = {}): { sourceId: number; urlId: number } {
      const sourceId = run(
        'INSERT INTO sources (source_type_id, name, profile_id, cadence_seconds, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)',
        typeId('source_types', code),
        `source ${++serial}`,
        o.profileId ?? null,
        o.cadenceSeconds ?? 86_400,
      );
      const urlId = run(
        'INSERT INTO source_urls (source_id, url, url_norm, next_run_at, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)',
        sourceId,
        url,
        url,
        o.nextRunAt ?? clock.now(),
      );
      return { sourceId, urlId };
    },
    /** The pending outreach of a profile by due time. */
    dueTimes(profileId: number): number[] {
      return sqlite.prepare("SELECT due_at FROM outreach WHERE profile_id = ? AND status = 'pending' ORDER BY due_at").pluck().all(profileId) as number[];
    },
    profileOf(table: string, id: number): number | null {
      return sqlite.prepare(`SELECT profile_id FROM ${table} WHERE id = ?`).pluck().get(id) as number | null;
    },
  };
  return f;
}

/** The fixture's type. */
export type PlanFixture = ReturnType<typeof planFixture>;
