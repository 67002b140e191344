import type { ProfileRecord } from '../../../shared/contract/schemas/profiles';
import type { ProfileQuotaUsage } from '../../../shared/contract/schemas/quotas';
import { ProfileRow } from './profile-row';

interface ProfilesTableProps {
  readonly profiles: readonly ProfileRecord[];
  readonly typeNames: ReadonlyMap<string, string>;
  readonly usage: ReadonlyMap<number, ProfileQuotaUsage> | undefined;
  readonly usageFailed: boolean;
  readonly onEdit: (profile: ProfileRecord) => void;
  readonly onDeleted: () => void;
}

const columns = [
  ['Profile', 'col-profile'],
  ['State', 'col-state'],
  ['Last error', 'col-error'],
  ['Worker', 'col-worker'],
  ['Quotas', 'col-quotas'],
  ['Credentials', 'col-credentials'],
] as const;

/** Every profile with its live state. */
export function ProfilesTable({ profiles, typeNames, usage, usageFailed, onEdit, onDeleted }: ProfilesTableProps) {
  if (profiles.length === 0) return <p className="muted">No profiles yet. Add a mailbox or an account below to start working.</p>;
  return (
    <div className="table-frame">
      <table className="data-table profiles-table" aria-label="Profiles">
        <colgroup>
          {columns.map(([heading, className]) => (
            <col key={heading} className={className} />
          ))}
          <col className="col-profile-actions" />
        </colgroup>
        <thead>
          <tr>
            {columns.map(([heading]) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile) => (
            <ProfileRow
              key={profile.id}
              profile={profile}
              typeName={typeNames.get(profile.typeCode) ?? profile.typeCode}
              usage={usage?.get(profile.id)}
              usageFailed={usageFailed}
              onEdit={() => onEdit(profile)}
              onDeleted={onDeleted}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
