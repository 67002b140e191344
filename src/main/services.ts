import type { Clock } from '../shared/clock';
import type { EventBus } from './event-bus';
import type { ApiKeysRepo } from './store/repos/api-keys-repo';
import type { BulkRepo } from './store/repos/bulk-repo';
import type { CatalogueRepo } from './store/repos/catalogue-repo';
import type { CompaniesRepo } from './store/repos/companies-repo';
import type { ImportsRepo } from './store/repos/imports-repo';
import type { LeadsRepo } from './store/repos/leads-repo';
import type { SessionsRepo } from './store/repos/sessions-repo';
import type { SettingsRepo } from './store/repos/settings-repo';
import type { Store } from './store/store';
import type { WorkspaceRepos } from './store/repos/workspace-repos';
import type { ProfileRows } from './supervisor/profile-rows';
import type { Supervisor } from './supervisor/supervisor';

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
  readonly bulk: BulkRepo;
}
