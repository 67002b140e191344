import type { FailedAuthLimiter } from './api/http/failed-auth-limiter';
import type { Clock } from '../shared/clock';
import type { Backups } from './backup/backups';
import type { ConnectivityMonitor } from './connectivity/connectivity-monitor';
import type { DoctorResolver } from './deliverability/doctor-dns';
import type { EventBus } from './event-bus';
import type { Monitoring } from './monitoring/monitoring';
import type { ApiKeysRepo } from './store/repos/api-keys-repo';
import type { BulkRepo } from './store/repos/bulk-repo';
import type { CatalogueRepo } from './store/repos/catalogue-repo';
import type { CompaniesRepo } from './store/repos/companies-repo';
import type { ImportsRepo } from './store/repos/imports-repo';
import type { LeadsRepo } from './store/repos/leads-repo';
import type { SessionsRepo } from './store/repos/sessions-repo';
import type { SettingsRepo } from './store/repos/settings-repo';
import type { Timeline } from './timeline/timeline';
import type { StoreQuotaGate } from './quota/store-quota-gate';
import type { Store } from './store/store';
import type { WorkspaceRepos } from './store/repos/workspace-repos';
import type { SecretBox } from './secrets/secret-box';
import type { ProfileRows } from './supervisor/profile-rows';
import type { Supervisor } from './supervisor/supervisor';
import type { WorkEngine } from './work/work-engine';
import type { LoginBrowsers } from './browser/login-browser';
import type { SitePacks } from './browser/site-packs';
import type { UpdateService } from './updates/update-service';

/** Facts about the running instance that handlers report. */
export interface InstanceInfo {
  readonly edition: 'desktop' | 'browser';
  readonly version: string;
  readonly dataDir: string;
  readonly startedAt: number;
}

/** Everything handlers, loops and transports share: the store, its repositories, the bus and the clock. */
export interface Services extends WorkspaceRepos {
  readonly info: InstanceInfo;
  readonly clock: Clock;
  readonly store: Store;
  readonly bus: EventBus;
  readonly settings: SettingsRepo;
  readonly apiKeys: ApiKeysRepo;
  readonly sessions: SessionsRepo;
  readonly leads: LeadsRepo;
  readonly companies: CompaniesRepo;
  readonly catalogue: CatalogueRepo;
  readonly imports: ImportsRepo;
  readonly profiles: ProfileRows;
  /** One worker process per active profile, with its live state. */
  readonly supervisor: Supervisor;
  /** Durable work of every kind, leased to the profiles' workers. */
  readonly work: WorkEngine;
  /** Seals profile credentials at rest; opened only in main, handed to workers in memory. */
  readonly secrets: SecretBox;
  readonly bulk: BulkRepo;
  /** Hourly counters folded from finished work (timeline loop). */
  readonly timeline: Timeline;
  /** Workers, loops and queues for the Monitoring screen and /metrics. */
  readonly monitoring: Monitoring;
  /** Quotas, sending windows, ramp-up and caps per profile and action; asked at every claim, plans slots ahead. */
  readonly quotaGate: StoreQuotaGate;
  /** Online or offline, sleep and wake; reconnects and wakes trigger the plan loop's catch-up. */
  readonly connectivity: ConnectivityMonitor;
  /** DNS lookups of the deliverability doctor. */
  readonly dns: DoctorResolver;
  /** Verified online backups, retention, restore requests and the startup integrity check. */
  readonly backups: Backups;
  /** LinkedIn and Facebook site packs, validated and reloaded when their file changes. */
  readonly sitePacks: SitePacks;
  /** The browser profiles' log-in windows. */
  readonly loginBrowsers: LoginBrowsers;
  /** Self-update (desktop: electron-updater; browser edition: answers `unsupported`). */
  readonly updates: UpdateService;
  /** Counts wrong API keys and login codes per client; past the limit they get 429 with Retry-After. */
  readonly authLimiter: FailedAuthLimiter;
}
