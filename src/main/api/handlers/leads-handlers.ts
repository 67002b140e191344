import type { Services } from '../../services';
import type { Handlers } from '../handler-types';
import type { leadListMethods } from '../../../shared/contract/areas/lead-list-methods';

/** Filtered, sorted, keyset-paged lists of leads and companies. */
export const leadsHandlers = (s: Services): Pick<Handlers, keyof typeof leadListMethods> => ({
  'leads.list': async (input) => s.leads.list(input),
  'leads.count': async ({ filter }) => ({ total: await s.leads.count(filter) }),
  'companies.list': async (input) => s.companies.list(input),
  'companies.count': async ({ filter }) => ({ total: await s.companies.count(filter) }),
});
