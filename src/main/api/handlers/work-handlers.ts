import type { workMethods } from '../../../shared/contract/areas/work-methods';
import { describeIssues, type FieldIssue } from '../../../shared/contract/format-issues';
import type { ProfileRecord, ProfileView } from '../../../shared/contract/schemas/profiles';
import { credentialIssues, fieldIssues } from '../../profiles/profile-input';
import { profileRecord } from '../../profiles/profile-record';
import { openCredentials, sealCredentials } from '../../secrets/profile-credentials';
import { SecretBoxError } from '../../secrets/secret-box';
import type { ProfileFields, ProfileRow } from '../../supervisor/profile-rows';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

const missing = (id: number) => new ApiError('not_found', `id: no profile ${id}`);

const refuse = (issues: readonly FieldIssue[]): void => {
  if (issues.length > 0) throw new ApiError('bad_request', describeIssues(issues), issues);
};

const tagIssues = (s: Services, tagId: number | null | undefined): FieldIssue[] =>
  tagId == null || s.profiles.tagExistsById(tagId) ? [] : [{ path: 'tagId', message: `no tag ${tagId}` }];

/** The profile with its live state, as every profiles method answers. */
function recordOf(s: Services, id: number, live: ProfileView | undefined = s.supervisor.get(id)): ProfileRecord {
  const row = s.profiles.get(id);
  if (!row || !live) throw missing(id);
  return profileRecord(s.profiles, row, live);
}

/** Stored credentials to merge a partial update over; ones this edition cannot open count as none, so every field must be given again. */
function storedCredentials(s: Services, id: number): Record<string, string> {
  try {
    return openCredentials(s.secrets, id, s.profiles.sealedCredentials(id));
  } catch (error) {
    if (error instanceof SecretBoxError) return {};
    throw error;
  }
}

const running = (row: ProfileRow, live: ProfileView | undefined): boolean =>
  row.active === 1 && live !== undefined && ['starting', 'online', 'working'].includes(live.state);

/** Profiles and their workers: list with live state, create, edit, delete, start, stop, pause, resume. */
export const workHandlers = (s: Services): Pick<Handlers, keyof typeof workMethods> => ({
  'profiles.list': async () => ({ items: s.supervisor.list().map((live) => recordOf(s, live.id, live)) }),
  'profiles.get': async ({ id }) => recordOf(s, id),
  'profiles.create': async ({ typeCode, name, settings, credentials, quotas, policy, tagId }) => {
    const type = s.profiles.typeByCode(typeCode);
    if (!type) {
      const message = `no profile type "${typeCode}" in the catalogue`;
      throw new ApiError('bad_request', `typeCode: ${message}`, [{ path: 'typeCode', message }]);
    }
    const fields: ProfileFields = { name, settings, quotas, policy };
    refuse([...fieldIssues(type, fields), ...credentialIssues(type, credentials, {}), ...tagIssues(s, tagId)]);
    const sealed = { seal: (newId: number) => sealCredentials(s.secrets, newId, credentials), fields: Object.keys(credentials) };
    const id = s.profiles.create(type.id, fields, sealed, tagId);
    return recordOf(s, id);
  },
  'profiles.update': async ({ id, name, settings, credentials, quotas, policy, tagId }) => {
    const row = s.profiles.get(id);
    const type = row && s.profiles.typeByCode(row.type_code);
    if (!row || !type) throw missing(id);
    const fields: ProfileFields = {
      name: name ?? row.name,
      settings: settings ?? (JSON.parse(row.settings) as Record<string, unknown>),
      quotas: quotas ?? (JSON.parse(row.quotas) as Record<string, unknown>),
      policy: policy ?? (JSON.parse(row.policy) as Record<string, unknown>),
    };
    const stored = credentials ? storedCredentials(s, id) : {};
    refuse([...fieldIssues(type, fields), ...(credentials ? credentialIssues(type, credentials, stored) : []), ...tagIssues(s, tagId)]);
    const merged = { ...stored, ...credentials };
    const sealed = credentials ? { seal: sealCredentials(s.secrets, id, merged), fields: Object.keys(merged) } : undefined;
    const live = s.supervisor.get(id);
    s.profiles.update(id, fields, sealed, tagId);
    // A worker got its settings and credentials at its welcome: restart it so it uses the new ones.
    if ((settings || credentials) && running(row, live)) {
      s.supervisor.stop(id);
      s.supervisor.start(id);
    }
    return recordOf(s, id);
  },
  'profiles.delete': async ({ id }) => {
    if (!s.profiles.get(id)) throw missing(id);
    const busy = s.profiles.runningWork(id);
    if (busy > 0) {
      throw new ApiError('conflict', `id: profile ${id} holds ${busy} running work item${busy === 1 ? '' : 's'}; stop it and delete it once they have finished`);
    }
    // Stopping first (synchronously, with no await before the delete) means its worker cannot claim new work in between.
    s.supervisor.stop(id);
    if (!s.profiles.delete(id)) throw missing(id);
    return { deleted: true as const };
  },
  'profiles.start': async ({ id }) => recordOf(s, id, s.supervisor.start(id)),
  'profiles.stop': async ({ id }) => recordOf(s, id, s.supervisor.stop(id)),
  'profiles.pause': async ({ id }) => recordOf(s, id, s.supervisor.pause(id)),
  'profiles.resume': async ({ id }) => recordOf(s, id, s.supervisor.resume(id)),
  'profiles.openBrowser': async ({ id }) => {
    await s.loginBrowsers.openFor(id);
    return recordOf(s, id);
  },
});
