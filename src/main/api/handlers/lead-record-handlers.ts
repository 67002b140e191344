import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';
import type { leadRecordMethods } from '../../../shared/contract/areas/lead-record-methods';

/** Lead and company detail and manual edits. */
export const leadRecordHandlers = (s: Services): Pick<Handlers, keyof typeof leadRecordMethods> => ({
  'leads.get': async ({ id }) => {
    const lead = await s.leads.get(id);
    if (!lead) throw new ApiError('not_found', `lead ${id} does not exist`);
    return lead;
  },
});
