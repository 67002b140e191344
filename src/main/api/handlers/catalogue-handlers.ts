import type { Services } from '../../services';
import type { Handlers } from '../handler-types';

/** The catalogue of channels and profile types. */
export const catalogueHandlers = (s: Services): Pick<Handlers, 'catalogue.list'> => ({
  'catalogue.list': () => s.catalogue.list(),
});
