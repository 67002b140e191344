import type { ProfileRecord, ProfileView } from '../../shared/contract/schemas/profiles';
import { toIso } from '../../shared/iso-time';
import type { ProfileRow, ProfileRows } from '../supervisor/profile-rows';
import { snapshotLinks } from '../jobs/snapshot-links';
import { credentialFieldsOf } from './profile-input';

/**
 * The Profiles screen's view of a profile: the supervisor's live view plus the row's own settings and overrides.
 * Credentials show only which fields are set (their names are stored beside the sealed values).
 */
export function profileRecord(rows: ProfileRows, row: ProfileRow, live: ProfileView): ProfileRecord {
  const lastError = rows.lastError(row.id);
  const stored = JSON.parse(row.credential_fields) as string[];
  return {
    ...live,
    access: row.access,
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    quotas: JSON.parse(row.quotas) as Record<string, unknown>,
    policy: JSON.parse(row.policy) as Record<string, unknown>,
    credentials: credentialFieldsOf(JSON.parse(row.type_defaults)).map((name) => ({ name, set: stored.includes(name) })),
    tag: rows.tagOf(row.id),
    lastError: lastError && { text: lastError.text, at: toIso(lastError.at) },
    pauseSnapshot: row.state === 'paused' && row.pause_reason !== 'operator' ? snapshotLinks(rows.lastSnapshot(row.id)) : null,
    createdAt: toIso(row.created_at),
  };
}
