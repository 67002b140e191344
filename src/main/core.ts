import type { Logger } from 'pino';
import { systemClock, type Clock } from '../shared/clock';
import { createHandlers } from './api/handlers/create-handlers';
import type { Handlers } from './api/handler-types';
import { startHttpServer, type HttpServer } from './api/http/create-http-server';
import { databaseFile } from './data-dir';
import { EventBus } from './event-bus';
import { createImportLoop } from './loops/import-loop';
import { createIngestLoop } from './loops/ingest-loop';
import { createSweepLoop } from './loops/sweep-loop';
import type { InstanceInfo, Services } from './services';
import { ApiKeysRepo } from './store/repos/api-keys-repo';
import { CatalogueRepo } from './store/repos/catalogue-repo';
import { CompaniesRepo } from './store/repos/companies-repo';
import { ImportsRepo } from './store/repos/imports-repo';
import { LeadsRepo } from './store/repos/leads-repo';
import { SessionsRepo } from './store/repos/sessions-repo';
import { SettingsRepo } from './store/repos/settings-repo';
import { openStore } from './store/store';
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
  const services: Services = {
    info: { edition: options.edition, version: APP_VERSION, dataDir: options.dataDir, startedAt: now() },
    clock,
    store,
    bus: new EventBus(),
    settings: new SettingsRepo(store.db, now),
    apiKeys: new ApiKeysRepo(store.db, now),
    sessions: new SessionsRepo(store.db, now),
    leads: new LeadsRepo(store.db),
    companies: new CompaniesRepo(store.db),
    catalogue: new CatalogueRepo(store.db),
    imports: new ImportsRepo(store.sqlite, now),
  };
  const handlers = createHandlers(services);
  const firstApiKey = await services.apiKeys.ensure();
  const loops = [createSweepLoop(services, options.logger), createIngestLoop(services, options.logger), createImportLoop(services, options.logger)];
  let http: HttpServer;
  try {
    http = await startHttpServer(services, handlers, { port: options.port, dashboardDir: options.dashboardDir, logger: options.logger });
  } catch (error) {
    await store.close();
    throw error;
  }
  for (const loop of loops) loop.start();
  options.logger.info({ edition: options.edition, port: http.port, schema: store.migration }, 'core started');

  return {
    services,
    handlers,
    http,
    firstApiKey,
    loginUrl: async () => `${http.origin}/login?code=${await services.sessions.createLoginCode()}`,
    async stop() {
      await Promise.all(loops.map((loop) => loop.stop()));
      await http.close();
      await store.close();
    },
  };
}
