import type { Logger } from 'pino';
import { systemClock, type Clock } from '../shared/clock';
import { createHandlers } from './api/handlers/create-handlers';
import type { Handlers } from './api/handler-types';
import { startHttpServer, type HttpServer } from './api/http/create-http-server';
import { databaseFile } from './data-dir';
import { EventBus } from './event-bus';
import { createBulkLoop } from './loops/bulk-loop';
import { createImportLoop } from './loops/import-loop';
import { createIngestLoop } from './loops/ingest-loop';
import { createSweepLoop } from './loops/sweep-loop';
import type { InstanceInfo, Services } from './services';
import { EnrichmentWorkSource, WORK_LEASE_MS } from './supervisor/enrichment-work-source';
import { createForkWorkerHost } from './supervisor/fork-worker-host';
import { ProfileRows } from './supervisor/profile-rows';
import { Supervisor } from './supervisor/supervisor';
import type { SupervisorTiming } from './supervisor/supervisor-timing';
import { defaultWorkerEntry } from './supervisor/worker-entry';
import type { WorkerHost } from './supervisor/worker-host';
import { ApiKeysRepo } from './store/repos/api-keys-repo';
import { BulkRepo } from './store/repos/bulk-repo';
import { CatalogueRepo } from './store/repos/catalogue-repo';
import { CompaniesRepo } from './store/repos/companies-repo';
import { ImportsRepo } from './store/repos/imports-repo';
import { LeadsRepo } from './store/repos/leads-repo';
import { SessionsRepo } from './store/repos/sessions-repo';
import { SettingsRepo } from './store/repos/settings-repo';
import { openStore } from './store/store';
import { createWorkspaceRepos } from './store/repos/workspace-repos';
import { APP_VERSION } from './version';

/** How to start the core: which shell, which data folder, which port. */
export interface CoreOptions {
  readonly edition: InstanceInfo['edition'];
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly dashboardDir: string;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** How profile workers are started (default: forked Node processes; the desktop passes Electron's utility processes). */
  readonly workerHost?: WorkerHost;
  readonly supervisorTiming?: Partial<SupervisorTiming>;
  /** Leads per bulk-operation transaction (default 1,000); tests stop an operation between small batches. */
  readonly bulkBatchSize?: number;
}

/** The running stand-alone architecture: store, handlers, loops and the local API. */
export interface Core {
  readonly services: Services;
  readonly handlers: Handlers;
  readonly http: HttpServer;
  /** The API key created on this start (first start only), to show the operator once. */
  readonly firstApiKey: string | null;
  /** A fresh one-time login URL for the dashboard. */
  loginUrl(): Promise<string>;
  stop(): Promise<void>;
}

/** Opens and migrates the store first, then starts the loops and the 127.0.0.1 API. */
export async function startCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const store = openStore(databaseFile(options.dataDir), now);
  const bus = new EventBus();
  const profiles = new ProfileRows(store.sqlite, now);
  const supervisor = new Supervisor({
    profiles,
    work: new EnrichmentWorkSource(store.sqlite, now, WORK_LEASE_MS),
    host: options.workerHost ?? createForkWorkerHost(defaultWorkerEntry()),
    clock,
    bus,
    logger: options.logger,
    timing: options.supervisorTiming,
  });
  const services: Services = {
    info: { edition: options.edition, version: APP_VERSION, dataDir: options.dataDir, startedAt: now() },
    clock,
    store,
    bus,
    profiles,
    supervisor,
    settings: new SettingsRepo(store.db, now),
    apiKeys: new ApiKeysRepo(store.db, now),
    sessions: new SessionsRepo(store.db, now),
    leads: new LeadsRepo(store.sqlite),
    companies: new CompaniesRepo(store.sqlite),
    catalogue: new CatalogueRepo(store.db),
    imports: new ImportsRepo(store.sqlite, now),
    ...createWorkspaceRepos(store.sqlite, now, bus),
    bulk: new BulkRepo(store.sqlite, now),
  };
  const handlers = createHandlers(services);
  const firstApiKey = await services.apiKeys.ensure();
  const loops = [
    createSweepLoop(services, options.logger),
    createIngestLoop(services, options.logger),
    createImportLoop(services, options.logger),
    createBulkLoop(services, options.logger, { batchSize: options.bulkBatchSize }),
  ];
  let http: HttpServer;
  try {
    http = await startHttpServer(services, handlers, { port: options.port, dashboardDir: options.dashboardDir, logger: options.logger });
  } catch (error) {
    await store.close();
    throw error;
  }
  for (const loop of loops) loop.start();
  supervisor.startActive();
  options.logger.info({ edition: options.edition, port: http.port, schema: store.migration }, 'core started');

  return {
    services,
    handlers,
    http,
    firstApiKey,
    loginUrl: async () => `${http.origin}/login?code=${await services.sessions.createLoginCode()}`,
    async stop() {
      await supervisor.close();
      await Promise.all(loops.map((loop) => loop.stop()));
      await http.close();
      await store.close();
    },
  };
}
