import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Database } from 'better-sqlite3';
import pino from 'pino';
import { onTestFinished } from 'vitest';
import type { ProfileView } from '../../../src/shared/contract/schemas/profiles';
import { EventBus } from '../../../src/main/event-bus';
import { openStore, type Store } from '../../../src/main/store/store';
import { createForkWorkerHost, type WorkerEntry } from '../../../src/main/supervisor/fork-worker-host';
import { ProfileRows } from '../../../src/main/supervisor/profile-rows';
import { Supervisor } from '../../../src/main/supervisor/supervisor';
import type { SupervisorTiming } from '../../../src/main/supervisor/supervisor-timing';
import type { WorkerHost, WorkerProcess } from '../../../src/main/supervisor/worker-host';
import { sweepWork, type WorkSweep } from '../../../src/main/loops/sweep-loop';
import { WorkEngine, type WorkEngineOptions } from '../../../src/main/work/work-engine';
import type { DiagnosticBehaviour } from '../../../src/workers/channels/diagnostic/diagnostic-params';
import { ManualClock } from '../../helpers/manual-clock';
import { tempDir } from '../../helpers/temp-dir';

/** The real worker, run from source. */
export const sourceWorker: WorkerEntry = { path: join(__dirname, '../../../src/workers/worker-main.ts'), execArgv: ['--import', 'tsx'] };

/**
 * The real worker compiled once with esbuild (packages stay external, resolved from the repository's node_modules),
 * for tests that start a hundred workers: plain Node starts it many times faster than tsx.
 */
export function bundledWorker(): WorkerEntry {
  const outfile = join(__dirname, '../../../node_modules/.cache/outpost-test-worker', `worker-main-${process.pid}.cjs`);
  buildSync({ entryPoints: [sourceWorker.path], outfile, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'error' });
  onTestFinished(() => rmSync(outfile, { force: true }));
  return { path: outfile, execArgv: [] };
}

/** Adds the diagnostic profile type (not part of the shipped catalogue) to a migrated database. */
export function addDiagnosticType(sqlite: Database): void {
  sqlite
    .prepare(
      `INSERT INTO profile_types (code, channel_id, name, access, defaults, created_at, updated_at)
       SELECT 'diagnostic', id, 'Diagnostic', 'basic', '{"settings": {"crashOnOpen": false}}', 0, 0 FROM channels WHERE code = 'local'`,
    )
    .run();
}

/** Adds a diagnostic profile, active or not. */
export function addProfile(sqlite: Database, settings: Record<string, unknown> = {}): number {
  const type = sqlite.prepare("SELECT id FROM profile_types WHERE code = 'diagnostic'").get() as { id: number };
  return Number(
    sqlite
      .prepare('INSERT INTO profiles (profile_type_id, name, settings, active, created_at, updated_at) VALUES (?, ?, ?, 1, 0, 0)')
      .run(type.id, 'diag', JSON.stringify(settings)).lastInsertRowid,
  );
}

let nextKey = 1;

/** Adds an approved diagnostic work item (an enrichment of a fresh lead) assigned to the profile, due at `dueAt`; `extra` joins its params. */
export function addItem(sqlite: Database, profileId: number, outcomes: DiagnosticBehaviour[], dueAt: number, extra: Record<string, unknown> = {}): number {
  const lead = Number(sqlite.prepare('INSERT INTO leads (first_name, created_at, updated_at) VALUES (?, 0, 0)').run('Ada').lastInsertRowid);
  const type = sqlite.prepare("SELECT id FROM enrichment_types WHERE code = 'verify_email'").get() as { id: number };
  return Number(
    sqlite
      .prepare(
        `INSERT INTO enrichments (enrichment_type_id, lead_id, profile_id, params, approval, idempotency_key, due_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'auto', ?, ?, 0, 0)`,
      )
      .run(type.id, lead, profileId, JSON.stringify({ outcomes, ...extra }), `diag-${process.pid}-${nextKey++}`, dueAt).lastInsertRowid,
  );
}

/** An enrichment's work columns. */
export function itemRow(sqlite: Database, id: number) {
  return sqlite.prepare('SELECT status, attempts, error_kind, error_text, result, lease_owner, due_at FROM enrichments WHERE id = ?').get(id) as {
    status: string;
    due_at: number;
    attempts: number;
    error_kind: string | null;
    error_text: string | null;
    result: string | null;
    lease_owner: string | null;
  };
}

/** Polls (in real time) until `probe` returns a value; the test's own timeout is the only limit. */
export async function until<T>(probe: () => T | undefined | false | null | Promise<T | undefined | false | null>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false && value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** True while a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A supervisor over a real store and real worker processes, with a manual clock. */
export interface Harness {
  readonly store: Store;
  readonly clock: ManualClock;
  readonly supervisor: Supervisor;
  readonly profiles: ProfileRows;
  readonly work: WorkEngine;
  /** One pass of the sweep loop's work part: lost leases back, stalled workers restarted. */
  sweep(): WorkSweep;
  /** Every process the host started, in order. */
  readonly spawned: WorkerProcess[];
  /** Every profiles.state event. */
  readonly events: ProfileView[];
  state(id: number): ProfileView;
}

/** Test timing: nothing fires unless the test moves the clock that far. */
export const testTiming: Partial<SupervisorTiming> = {
  handshakeTimeoutMs: 60_000,
  tickMs: 1_000,
  heartbeatTimeoutMs: 3_600_000,
  stopDeadlineMs: 10_000,
  backoff: { baseMs: 1_000, maxMs: 8_000, jitter: 0.2 },
  maxCrashes: 3,
  crashWindowMs: 600_000,
  shutdownMs: 5_000,
};

/** Starts a harness; it is closed (workers stopped, store closed) when the test ends. */
export function startHarness(
  options: { timing?: Partial<SupervisorTiming>; entry?: WorkerEntry; leaseMs?: number; engine?: Partial<WorkEngineOptions> } = {},
): Harness {
  const clock = new ManualClock();
  const store = openStore(join(tempDir('outpost-supervisor-'), 'outpost.sqlite'), () => clock.now());
  addDiagnosticType(store.sqlite);
  const bus = new EventBus();
  const events: ProfileView[] = [];
  bus.subscribe((e) => {
    if (e.name === 'profiles.state') events.push(e.payload);
  });
  const fork = createForkWorkerHost(options.entry ?? sourceWorker);
  const spawned: WorkerProcess[] = [];
  const host: WorkerHost = {
    spawn(name) {
      const proc = fork.spawn(name);
      spawned.push(proc);
      return proc;
    },
  };
  const profiles = new ProfileRows(store.sqlite, () => clock.now());
  const work = new WorkEngine({ sqlite: store.sqlite, bus, now: () => clock.now(), leaseMs: options.leaseMs ?? 30_000, random: () => 0.5, ...options.engine });
  const supervisor = new Supervisor({
    profiles,
    work,
    host,
    clock,
    bus,
    logger: pino({ level: 'silent' }),
    timing: { ...testTiming, ...options.timing },
    random: () => 0.5,
  });
  onTestFinished(async () => {
    await supervisor.close();
    for (const proc of spawned) proc.kill();
    await store.close();
  });
  return {
    store,
    clock,
    supervisor,
    profiles,
    work,
    sweep: () => sweepWork(work, supervisor),
    spawned,
    events,
    state: (id) => {
      const view = supervisor.get(id);
      if (!view) throw new Error(`no profile ${id}`);
      return view;
    },
  };
}
