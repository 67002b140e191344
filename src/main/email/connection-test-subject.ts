import type { z } from 'zod';
import type { connectionTestInput } from '../../shared/contract/schemas/connection-test';
import { effectiveSettings } from '../profiles/profile-settings';
import { credentialOpener } from '../secrets/profile-credentials';
import type { Services } from '../services';

/** The settings in force and the credentials a connection test uses. */
export interface ConnectionSubject {
  readonly settings: Record<string, unknown>;
  readonly credentials: Record<string, string>;
}

/** Why the subject cannot be tested (no such profile or type, or not a mailbox), naming the input field. */
export class SubjectRefusal extends Error {
  constructor(
    readonly code: 'not_found' | 'bad_request',
    readonly path: 'profileId' | 'typeCode',
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/** Resolves a test input: a saved profile (form values laid over it) or an unsaved one of a mailbox type. */
export function connectionSubject(s: Pick<Services, 'profiles' | 'secrets'>, input: z.infer<typeof connectionTestInput>): ConnectionSubject {
  if (input.profileId !== undefined) {
    const row = s.profiles.get(input.profileId);
    if (!row) throw new SubjectRefusal('not_found', 'profileId', `profile ${input.profileId} does not exist`);
    if (row.access !== 'mta') throw new SubjectRefusal('bad_request', 'profileId', `profile ${row.id} is a ${row.type_code} profile, not a mailbox`);
    const saved = s.profiles.workerProfile(row, credentialOpener(s.secrets));
    const settings = input.settings ? effectiveSettings(JSON.parse(row.type_defaults), input.settings) : saved.settings;
    return { settings, credentials: { ...saved.credentials, ...input.credentials } };
  }
  const type = s.profiles.typeByCode(input.typeCode ?? '');
  if (!type) throw new SubjectRefusal('not_found', 'typeCode', `no profile type ${input.typeCode ?? ''}`);
  if (type.access !== 'mta') throw new SubjectRefusal('bad_request', 'typeCode', `${type.code} is not a mailbox type`);
  return { settings: effectiveSettings(JSON.parse(type.defaults), input.settings ?? {}), credentials: input.credentials ?? {} };
}
