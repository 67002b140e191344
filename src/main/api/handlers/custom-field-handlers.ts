import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';
import type { customFieldMethods } from '../../../shared/contract/areas/custom-field-methods';

/** Custom field definitions of leads and companies. */
export const customFieldHandlers = (s: Services): Pick<Handlers, keyof typeof customFieldMethods> => ({
  'customFields.list': async ({ targetKind }) => ({ items: s.customFields.list(targetKind) }),
  'customFields.create': async (input) => s.customFields.create(input),
  'customFields.update': async ({ id, ...patch }) => {
    const field = s.customFields.update(id, patch);
    if (!field) throw new ApiError('not_found', `custom field ${id} does not exist`);
    return field;
  },
  'customFields.delete': async ({ id }) => {
    if (!s.customFields.delete(id)) throw new ApiError('not_found', `custom field ${id} does not exist`);
    return { id };
  },
});
