import type { Logger } from 'pino';
import { systemClock, type Clock } from '../shared/clock';
import { createHandlers } from './api/handlers/create-handlers';
import type { Handlers } from './api/handler-types';
import { startHttpServer, type HttpServer } from './api/http/create-http-server';
import { FailedAuthLimiter } from './api/http/failed-auth-limiter';
import { Backups } from './backup/backups';
import { prepareDatabase } from './backup/prepare-database';
import { guardCorruptDatabase } from './backup/read-only-guard';
import { EventBus } from './event-bus';
import { ConnectivityMonitor } from './connectivity/connectivity-monitor';
import { dnsTcpProbe, type Probe } from './connectivity/probe';
import { createBackupLoop } from './loops/backup-loop';
import { createBulkLoop } from './loops/bulk-loop';
import { createImportLoop } from './loops/import-loop';
import { createIngestLoop } from './loops/ingest-loop';
import { createPlanLoop } from './loops/plan-loop';
import { createReminderLoop } from './loops/reminder-loop';
import { createSequenceLoop } from './loops/sequence-loop';
import { createRuleLoop } from './loops/rule-loop';
import { createSweepLoop } from './loops/sweep-loop';
import { createTimelineLoop } from './loops/timeline-loop';
import { Monitoring } from './monitoring/monitoring';
import { StoreQuotaGate } from './quota/store-quota-gate';
import { keyFileSecretBox } from './secrets/key-file-secret-box';
import { credentialOpener } from './secrets/profile-credentials';
import type { SecretBox } from './secrets/secret-box';
import type { InstanceInfo, Services } from './services';
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
import { Timeline } from './timeline/timeline';
import { APP_VERSION } from './version';
import { WorkEngine } from './work/work-engine';
import { unsupportedUpdates, type UpdateService } from './updates/update-service';
import { registerInboxHooks } from './inbox/inbox-hooks';
import { registerVerificationHooks } from './verification/verification-hooks';
import { registerEnrichmentHooks } from './enrichment/enrichment-hooks';
import { doctorResolver } from './deliverability/doctor-dns';
import { registerOutreachHooks } from './outreach/outreach-hooks';
import { registerBrowserHooks } from './browser/browser-hooks';
import { LoginBrowsers } from './browser/login-browser';
import { SitePacks } from './browser/site-packs';
import { browserWelcomeSettings } from './browser/worker-browser-settings';
import { registerJobHooks } from './jobs/job-hooks';

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
  /** How connectivity is probed (default: a DNS lookup and a TCP connect); tests pass their own. */
  readonly connectivityProbe?: Probe;
  readonly supervisorTiming?: Partial<SupervisorTiming>;
  /** Leads per bulk-operation transaction (default 1,000); tests stop an operation between small batches. */
  readonly bulkBatchSize?: number;
  /** How credentials are sealed at rest (default: AES-256-GCM with the data folder's key file; the desktop passes Electron safeStorage). */
  readonly secretBox?: SecretBox;
  /** Self-update (default: `unsupported`, the browser edition; the desktop passes its electron-updater controller). */
  readonly updates?: UpdateService;
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
  // Before the store: a refused key file (readable by others) stops the start with its reason.
  const secrets = options.secretBox ?? keyFileSecretBox(options.dataDir);
  // A pending restore is applied and the file checked (quick_check) before the store opens.
  const prepared = await prepareDatabase(options.dataDir, now, options.logger);
  const store = openStore(prepared.file, now, { beforeMigrate: prepared.beforeMigrate });
  const bus = new EventBus();
  const profiles = new ProfileRows(store.sqlite, now, browserWelcomeSettings(options.dataDir));
  const sitePacks = new SitePacks();
  const quotaGate = new StoreQuotaGate(store.sqlite, bus, clock);
  const connectivity = new ConnectivityMonitor({ clock, bus, logger: options.logger, probe: options.connectivityProbe ?? dnsTcpProbe() });
  const work = new WorkEngine({ sqlite: store.sqlite, bus, now, gate: quotaGate, connectivity });
  const supervisor = new Supervisor({
    profiles,
    work,
    host: options.workerHost ?? createForkWorkerHost(defaultWorkerEntry()),
    clock,
    bus,
    logger: options.logger,
    timing: options.supervisorTiming,
    openCredentials: credentialOpener(secrets),
  });
  const timeline = new Timeline(store.sqlite, now);
  const services: Services = {
    info: { edition: options.edition, version: APP_VERSION, dataDir: options.dataDir, startedAt: now() },
    clock,
    store,
    bus,
    profiles,
    supervisor,
    work,
    secrets,
    settings: new SettingsRepo(store.db, now),
    apiKeys: new ApiKeysRepo(store.db, now),
    sessions: new SessionsRepo(store.db, now),
    leads: new LeadsRepo(store.sqlite),
    companies: new CompaniesRepo(store.sqlite),
    catalogue: new CatalogueRepo(store.db),
    imports: new ImportsRepo(store.sqlite, now),
    ...createWorkspaceRepos(store.sqlite, now, bus),
    bulk: new BulkRepo(store.sqlite, now),
    timeline,
    monitoring: new Monitoring({ sqlite: store.sqlite, clock, timeline, workers: () => supervisor.list() }),
    quotaGate,
    connectivity,
    dns: doctorResolver(),
    backups: new Backups({ dataDir: options.dataDir, sqlite: store.sqlite, clock, integrity: prepared.integrity }),
    updates: options.updates ?? unsupportedUpdates(APP_VERSION),
    authLimiter: new FailedAuthLimiter(clock),
    sitePacks,
    loginBrowsers: new LoginBrowsers({ profiles, supervisor, packs: sitePacks, openCredentials: credentialOpener(secrets) }),
  };
  registerInboxHooks(work, services);
  registerVerificationHooks(work, services);
  registerEnrichmentHooks(work, services);
  registerOutreachHooks(work, services);
  registerBrowserHooks(work, services);
  registerJobHooks(work, services);
  const handlers = guardCorruptDatabase(createHandlers(services), prepared.integrity);
  const firstApiKey = await services.apiKeys.ensure();
  const loops = [
    createSweepLoop(services, options.logger),
    createIngestLoop(services, options.logger),
    createImportLoop(services, options.logger),
    createBulkLoop(services, options.logger, { batchSize: options.bulkBatchSize }),
    createTimelineLoop(services, options.logger),
    createPlanLoop({ sqlite: store.sqlite, quotas: quotaGate, connectivity, clock }, options.logger),
    createBackupLoop(services, options.logger),
    createSequenceLoop(services, options.logger),
    createReminderLoop(services, options.logger),
    createRuleLoop(services, options.logger),
  ];
  services.monitoring.watchLoops(loops);
  let http: HttpServer;
  try {
    http = await startHttpServer(services, handlers, { port: options.port, dashboardDir: options.dashboardDir, logger: options.logger });
  } catch (error) {
    await store.close();
    throw error;
  }
  // On a corrupt database nothing starts that would write; the API still reads and offers a restore.
  if (prepared.integrity.ok) {
    for (const loop of loops) loop.start();
    connectivity.start();
    supervisor.startActive();
  }
  options.logger.info({ edition: options.edition, port: http.port, schema: store.migration }, 'core started');

  return {
    services,
    handlers,
    http,
    firstApiKey,
    loginUrl: async () => `${http.origin}/login?code=${await services.sessions.createLoginCode()}`,
    async stop() {
      await services.loginBrowsers.closeAll();
      await supervisor.close();
      quotaGate.close();
      await connectivity.close();
      await Promise.all(loops.map((loop) => loop.stop()));
      await http.close();
      await store.close();
    },
  };
}
