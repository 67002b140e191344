import type { monitoringMethods } from '../../../shared/contract/areas/monitoring-methods';
import type { Services } from '../../services';
import type { Handlers } from '../handler-types';

/** The monitoring snapshot. */
export const monitoringHandlers = (s: Services): Pick<Handlers, keyof typeof monitoringMethods> => ({
  'monitoring.snapshot': async () => s.monitoring.snapshot(),
});
