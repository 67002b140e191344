import type { FieldIssue } from '../../shared/contract/format-issues';
import { resolvePolicy } from '../../shared/contract/schemas/quota-policy';
import type { ProfileFields, ProfileTypeRow } from '../supervisor/profile-rows';
import { effectiveSettings, settingsIssues } from './profile-settings';

const namesAt = (typeDefaults: unknown, key: 'credentials' | 'optionalCredentials'): string[] => {
  const list = (typeDefaults as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string') : [];
};

/** The credential field names a profile type takes: required ones (`defaults.credentials`), then optional ones (`defaults.optionalCredentials`). */
export function credentialFieldsOf(typeDefaults: unknown): string[] {
  return [...namesAt(typeDefaults, 'credentials'), ...namesAt(typeDefaults, 'optionalCredentials')];
}

/** Problems with credentials: given fields the type does not ask for, or a field of the type left without a value. Never quotes a value or an unknown name. */
export function credentialIssues(type: ProfileTypeRow, given: Record<string, string>, stored: Record<string, string>): FieldIssue[] {
  const fields = credentialFieldsOf(JSON.parse(type.defaults));
  const asks = fields.length > 0 ? `it asks for ${fields.join(', ')}` : 'it needs none';
  // An unknown name is not echoed: a secret pasted into the wrong place must not come back in an error.
  const unknown = Object.keys(given).filter((name) => !fields.includes(name)).length;
  const issues: FieldIssue[] =
    unknown > 0 ? [{ path: 'credentials', message: `${unknown} field${unknown === 1 ? ' is' : 's are'} not credentials of profile type ${type.code} (${asks})` }] : [];
  for (const name of namesAt(JSON.parse(type.defaults), 'credentials')) {
    if (!(given[name] ?? stored[name])) issues.push({ path: `credentials.${name}`, message: 'required' });
  }
  return issues;
}

/** Problems with a profile's settings (merged over the type's defaults, checked for its access class), quotas and policy. */
export function fieldIssues(type: ProfileTypeRow, fields: ProfileFields): FieldIssue[] {
  const defaults: unknown = JSON.parse(type.defaults);
  const policy = resolvePolicy({ typeDefaults: defaults, quotas: fields.quotas, policy: fields.policy, channelCode: type.channel_code, fallbackTimezone: 'UTC' });
  return [...settingsIssues(type.access, effectiveSettings(defaults, fields.settings)), ...policy.issues];
}
