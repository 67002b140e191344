import type { Services } from '../../services';
import type { TaggedKind } from '../../store/repos/tags-repo';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';
import type { tagMethods } from '../../../shared/contract/areas/tag-methods';

// Every tag change through the API is a person's, from the dashboard or a script on the operator's behalf.
const PERSON = { kind: 'person', id: null } as const;

/** The tag catalogue and tagging leads and companies; every change emits `tags.changed`. */
export const tagHandlers = (s: Services): Pick<Handlers, keyof typeof tagMethods> => {
  const links = (kind: TaggedKind, reason: 'linked' | 'unlinked', targetIds: number[], tagIds: number[]) => {
    const changed = reason === 'linked' ? s.tags.link(kind, targetIds, tagIds, PERSON) : s.tags.unlink(kind, targetIds, tagIds, PERSON);
    if (changed > 0) s.bus.emit('tags.changed', { reason, tagIds, targetKind: kind, targetIds });
    return { changed };
  };
  return {
    'tags.list': async () => ({ items: s.tags.list() }),
    'tags.create': async ({ name, color }) => {
      const tag = s.tags.create(name, color);
      s.bus.emit('tags.changed', { reason: 'created', tagIds: [tag.id], targetKind: null, targetIds: [] });
      return tag;
    },
    'tags.update': async ({ id, ...patch }) => {
      const tag = s.tags.update(id, patch);
      if (!tag) throw new ApiError('not_found', `tag ${id} does not exist`);
      s.bus.emit('tags.changed', { reason: 'updated', tagIds: [id], targetKind: null, targetIds: [] });
      return tag;
    },
    'tags.delete': async ({ id }) => {
      const deleted = s.tags.delete(id, PERSON);
      if (!deleted) throw new ApiError('not_found', `tag ${id} does not exist`);
      s.bus.emit('tags.changed', { reason: 'deleted', tagIds: [id], targetKind: null, targetIds: [] });
      return deleted;
    },
    'leads.addTags': async ({ leadIds, tagIds }) => links('lead', 'linked', leadIds, tagIds),
    'leads.removeTags': async ({ leadIds, tagIds }) => links('lead', 'unlinked', leadIds, tagIds),
    'companies.addTags': async ({ companyIds, tagIds }) => links('company', 'linked', companyIds, tagIds),
    'companies.removeTags': async ({ companyIds, tagIds }) => links('company', 'unlinked', companyIds, tagIds),
  };
};
