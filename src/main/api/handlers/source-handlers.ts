import type { sourceMethods } from '../../../shared/contract/areas/source-methods';
import { describeIssues, type FieldIssue } from '../../../shared/contract/format-issues';
import type { Source } from '../../../shared/contract/schemas/sources';
import type { Services } from '../../services';
import { checkSourceUrls } from '../../sources/source-url';
import { SourcesRepo, type SourceFields } from '../../sources/sources-repo';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

const missing = (id: number) => new ApiError('not_found', `id: no source ${id}`);

const refuse = (issues: readonly FieldIssue[]): void => {
  if (issues.length > 0) throw new ApiError('bad_request', describeIssues(issues), issues);
};

/** Sources: types with their (site pack) URL patterns, list, get, create, update, delete. */
export const sourceHandlers = (s: Services): Pick<Handlers, keyof typeof sourceMethods> => {
  const repo = new SourcesRepo(s.store.sqlite, () => s.clock.now(), s.sitePacks);
  const changed = (id: number, reason: 'created' | 'updated' | 'deleted') => s.bus.emit('sources.changed', { sourceId: id, reason });

  const typeOf = (code: string) => {
    const type = repo.listTypes().find((t) => t.code === code);
    if (!type) throw new ApiError('bad_request', `typeCode: no source type "${code}" in the catalogue`, [{ path: 'typeCode', message: `no source type "${code}"` }]);
    return type;
  };

  const fieldIssues = (fields: SourceFields, typeCode: string): FieldIssue[] => [
    ...(fields.tagId !== null && !repo.hasTag(fields.tagId) ? [{ path: 'tagId', message: `no tag ${fields.tagId}` }] : []),
    ...(fields.profileId !== null && !repo.profileCanRun(fields.profileId, typeCode)
      ? [{ path: 'profileId', message: `profile ${fields.profileId} does not exist or cannot run ${typeCode} sources` }]
      : []),
  ];

  const get = (id: number): Source => {
    const found = repo.get(id);
    if (!found) throw missing(id);
    return found;
  };

  return {
    'sources.types': async () => ({ items: repo.listTypes().map(({ id: _id, ...type }) => type) }),
    'sources.list': async () => ({ items: repo.list() }),
    'sources.get': async ({ id }) => get(id),
    'sources.create': async (input) => {
      const type = typeOf(input.typeCode);
      const fields: SourceFields = {
        name: input.name,
        active: input.active,
        profileId: input.profileId,
        cadenceSeconds: input.cadenceSeconds ?? type.defaults.cadenceSeconds,
        maxJobs: input.maxJobs ?? type.defaults.maxJobs,
        eventLimit: input.eventLimit ?? type.defaults.eventLimit,
        params: input.params,
        tagId: input.tagId,
      };
      const checked = checkSourceUrls(input.urls, type.urlPattern, type.name);
      refuse([...checked.issues, ...fieldIssues(fields, type.code)]);
      const id = repo.create(type.id, fields, checked.urls);
      changed(id, 'created');
      return get(id);
    },
    'sources.update': async (input) => {
      const current = get(input.id);
      const type = typeOf(current.typeCode);
      const fields: SourceFields = {
        name: input.name ?? current.name,
        active: input.active ?? current.active,
        profileId: input.profileId === undefined ? current.profileId : input.profileId,
        cadenceSeconds: input.cadenceSeconds ?? current.cadenceSeconds,
        maxJobs: input.maxJobs ?? current.maxJobs,
        eventLimit: input.eventLimit ?? current.eventLimit,
        params: input.params ?? current.params,
        tagId: input.tagId === undefined ? (current.tag?.id ?? null) : input.tagId,
      };
      const checked = input.urls ? checkSourceUrls(input.urls, type.urlPattern, type.name) : undefined;
      refuse([...(checked?.issues ?? []), ...fieldIssues(fields, type.code)]);
      repo.update(input.id, fields, checked?.urls);
      changed(input.id, 'updated');
      return get(input.id);
    },
    'sources.delete': async ({ id }) => {
      if (!repo.delete(id)) throw missing(id);
      changed(id, 'deleted');
      return { deleted: true as const };
    },
  };
};
