import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Clock } from '../../src/shared/clock';
import { startCore, type Core } from '../../src/main/core';
import type { Probe } from '../../src/main/connectivity/probe';
import type { WorkerHost } from '../../src/main/supervisor/worker-host';

/** A core on a free 127.0.0.1 port with a throwaway data folder, plus helpers to call it. */
export interface TestCore {
  readonly core: Core;
  readonly origin: string;
  readonly key: string;
  readonly dataDir: string;
  /** fetch against the API with the key unless `headers` says otherwise. */
  api(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

/** Starts the real core (real SQLite file, real HTTP server) for a test. */
export async function startTestCore(
  options: { clock?: Clock; dashboardDir?: string; bulkBatchSize?: number; connectivityProbe?: Probe; workerHost?: WorkerHost } = {},
): Promise<TestCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-core-'));
  const core = await startCore({
    edition: 'browser',
    dataDir,
    port: 0,
    dashboardDir: options.dashboardDir ?? join(dataDir, 'no-dashboard'),
    logger: pino({ level: 'silent' }),
    // Tests never reach the internet: the machine counts as online unless a test probes otherwise.
    connectivityProbe: options.connectivityProbe ?? (async () => true),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.bulkBatchSize ? { bulkBatchSize: options.bulkBatchSize } : {}),
    ...(options.workerHost ? { workerHost: options.workerHost } : {}),
  });
  const key = core.firstApiKey;
  if (!key) throw new Error('a fresh data folder must issue an API key');
  const origin = core.http.origin;
  return {
    core,
    origin,
    key,
    dataDir,
    api: (path, init = {}) =>
      fetch(origin + path, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } }),
    async stop() {
      await core.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
