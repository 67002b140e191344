import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

/** Lead reads. */
export const leadsHandlers = (s: Services): Pick<Handlers, 'leads.list' | 'leads.get'> => ({
  'leads.list': (input) => s.leads.list(input),
  'leads.get': async ({ id }) => {
    const lead = await s.leads.get(id);
    if (!lead) throw new ApiError('not_found', `lead ${id} does not exist`);
    return lead;
  },
});
