import type { Services } from '../../services';
import type { Handlers } from '../handler-types';

/** Operator settings; a change is pushed to every open dashboard. */
export const settingsHandlers = (s: Services): Pick<Handlers, 'settings.get' | 'settings.update'> => ({
  'settings.get': () => s.settings.get(),
  'settings.update': async (patch) => {
    const next = await s.settings.update(patch);
    s.bus.emit('settings.changed', next);
    return next;
  },
});
