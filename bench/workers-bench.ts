import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { systemClock } from '../src/shared/clock';
import { EventBus } from '../src/main/event-bus';
import { openStore } from '../src/main/store/store';
import { createForkWorkerHost, type WorkerEntry } from '../src/main/supervisor/fork-worker-host';
import { ProfileRows } from '../src/main/supervisor/profile-rows';
import { Supervisor } from '../src/main/supervisor/supervisor';
import { WorkEngine } from '../src/main/work/work-engine';
import { report } from './measure';

const WORKERS = 20;
const CRASHES = 10;
const MB = 1024 * 1024;

const built = join(__dirname, '../out/main/worker-main.js');
const entry: WorkerEntry = existsSync(built)
  ? { path: built, execArgv: [] }
  : { path: join(__dirname, '../src/workers/worker-main.ts'), execArgv: ['--import', 'tsx'] };

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => T | undefined | false): Promise<T> {
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    await sleep(2);
  }
}

/** A bare Node child with an IPC channel: its RSS and its time from fork to first message are the baselines. */
async function bareNode(): Promise<{ rss: number; readyMs: number }> {
  const start = process.hrtime.bigint();
  const script = 'process.send({ rss: process.memoryUsage().rss }); setInterval(() => {}, 1000)';
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const rss = await new Promise<number>((resolve) => child.once('message', (m) => resolve((m as { rss: number }).rss)));
  const readyMs = Number(process.hrtime.bigint() - start) / 1e6;
  child.kill('SIGKILL');
  return { rss, readyMs };
}

/** 20 idle diagnostic workers (total and per-worker RSS) and worker crash to ready again (median), against a bare Node child. */
export async function benchWorkers(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-workers-'));
  const store = openStore(join(dir, 'outpost.sqlite'));
  const bus = new EventBus();
  const supervisor = new Supervisor({
    profiles: new ProfileRows(store.sqlite, Date.now),
    work: new WorkEngine({ sqlite: store.sqlite, bus, now: Date.now, leaseMs: 60_000 }),
    host: createForkWorkerHost(entry),
    clock: systemClock,
    bus,
    logger: pino({ level: 'silent' }),
    timing: { tickMs: 100, maxCrashes: 1_000, backoff: { baseMs: 0, maxMs: 0, jitter: 0 } },
  });
  try {
    console.log(`workers: ${WORKERS} diagnostic workers from ${entry.path.endsWith('.js') ? 'the built out/main/worker-main.js' : 'source through tsx (run the build for bundled figures)'}`);
    const bare = [await bareNode(), await bareNode(), await bareNode()];
    const bareRss = median(bare.map((b) => b.rss)) / MB;
    const bareReady = median(bare.map((b) => b.readyMs));
    report('bare node child RSS (baseline)', bareRss, 'MB');

    store.sqlite
      .prepare("INSERT INTO profile_types (code, channel_id, name, access, defaults, created_at, updated_at) SELECT 'diagnostic', id, 'Diagnostic', 'basic', '{}', 0, 0 FROM channels WHERE code = 'local'")
      .run();
    const type = store.sqlite.prepare("SELECT id FROM profile_types WHERE code = 'diagnostic'").get() as { id: number };
    const insert = store.sqlite.prepare('INSERT INTO profiles (profile_type_id, name, active, created_at, updated_at) VALUES (?, ?, 1, 0, 0)');
    const ids = Array.from({ length: WORKERS }, (_, i) => Number(insert.run(type.id, `bench-${i}`).lastInsertRowid));

    const startAll = process.hrtime.bigint();
    supervisor.startActive();
    await until(() => ids.every((id) => supervisor.get(id)?.state === 'online'));
    report(`${WORKERS} workers: start all to online`, Number(process.hrtime.bigint() - startAll) / 1e6, 'ms');
    // Let them settle idle, then read the RSS each reported in its latest heartbeat.
    await sleep(2_000);
    const rss = await until(() => {
      const values = ids.map((id) => supervisor.get(id)?.worker?.rssBytes ?? null);
      return values.every((v) => v !== null) && (values as number[]);
    });
    const total = rss.reduce((a, b) => a + b, 0) / MB;
    report(`${WORKERS} idle workers: total RSS`, total, 'MB', { name: `${WORKERS} bare children`, value: bareRss * WORKERS });
    report('idle worker RSS, median', median(rss) / MB, 'MB', { name: 'bare child', value: bareRss });
    report('idle worker RSS, max', Math.max(...rss) / MB, 'MB', { name: 'bare child', value: bareRss });

    const recover: number[] = [];
    for (let i = 0; i < CRASHES; i++) {
      const id = ids[i % ids.length]!;
      const pid = supervisor.get(id)?.worker?.pid;
      if (!pid) throw new Error(`worker of profile ${id} has no pid`);
      const start = process.hrtime.bigint();
      process.kill(pid, 'SIGKILL');
      await until(() => {
        const view = supervisor.get(id);
        return view?.state === 'online' && view.worker?.pid !== pid;
      });
      recover.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    report('worker crash to ready again, median', median(recover), 'ms', { name: 'bare child fork to first message', value: bareReady });
  } finally {
    await supervisor.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
