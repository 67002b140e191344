import type { Services } from '../../services';
import type { Handlers } from '../handler-types';
import { toIso } from '../../../shared/iso-time';


/** Health and instance information. */
export const systemHandlers = (s: Services): Pick<Handlers, 'system.health' | 'system.info'> => ({
  'system.health': async () => ({
    status: 'ok',
    version: s.info.version,
    schemaVersion: s.store.migration.to,
    uptimeSeconds: (s.clock.now() - s.info.startedAt) / 1000,
  }),
  'system.info': async () => ({
    edition: s.info.edition,
    version: s.info.version,
    schemaVersion: s.store.migration.to,
    dataDir: s.info.dataDir,
    startedAt: toIso(s.info.startedAt),
    counts: { leads: await s.leads.count(), companies: await s.companies.count() },
    secretStorage: { scheme: s.secrets.scheme, warning: s.secrets.warning ?? null },
  }),
});
