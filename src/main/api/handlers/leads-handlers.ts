import type { Services } from '../../services';
import type { Handlers } from '../handler-types';
import type { leadListMethods } from '../../../shared/contract/areas/lead-list-methods';

/** Filtered lists of leads and companies. */
export const leadsHandlers = (s: Services): Pick<Handlers, keyof typeof leadListMethods> => ({
  'leads.list': (input) => s.leads.list(input),
});
