import type { updateMethods } from '../../../shared/contract/areas/update-methods';
import type { Services } from '../../services';
import type { Handlers } from '../handler-types';

/** Handlers of the update area: thin calls into the edition's update service. */
export function updateHandlers(services: Services): Pick<Handlers, keyof typeof updateMethods> {
  return {
    'update.get': () => Promise.resolve(services.updates.state()),
    'update.check': () => services.updates.check(),
    'update.download': () => services.updates.download(),
    'update.install': () => services.updates.install(),
  };
}
