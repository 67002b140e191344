import type { workMethods } from '../../../shared/contract/areas/work-methods';
import type { ProfileView } from '../../../shared/contract/schemas/profiles';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

const found = (view: ProfileView | undefined, id: number): ProfileView => {
  if (!view) throw new ApiError('not_found', `id: no profile ${id}`);
  return view;
};

/** Profiles and their workers: list with live state, create, start, stop, pause, resume. */
export const workHandlers = (s: Services): Pick<Handlers, keyof typeof workMethods> => ({
  'profiles.list': async () => ({ items: s.supervisor.list() }),
  'profiles.create': async ({ typeCode, name, settings }) => {
    const id = s.profiles.create(typeCode, name, settings);
    if (id === undefined) {
      const message = `no profile type "${typeCode}" in the catalogue`;
      throw new ApiError('bad_request', `typeCode: ${message}`, [{ path: 'typeCode', message }]);
    }
    return found(s.supervisor.get(id), id);
  },
  'profiles.start': async ({ id }) => found(s.supervisor.start(id), id),
  'profiles.stop': async ({ id }) => found(s.supervisor.stop(id), id),
  'profiles.pause': async ({ id }) => found(s.supervisor.pause(id), id),
  'profiles.resume': async ({ id }) => found(s.supervisor.resume(id), id),
});
