import type { ProfileRecord } from '../../../shared/contract/schemas/profiles';
import type { ProfileQuotaUsage } from '../../../shared/contract/schemas/quotas';
import { ConfirmAction } from '../../components/confirm-action';
import { TagChip } from '../../components/tag-chip';
import { call } from '../../lib/call';
import { CredentialsCell, LastErrorCell, QuotasCell, StateCell, WorkerCell } from './profile-cells';
import { BrowserControls } from './browser-controls';
import { ProfileControls } from './profile-controls';

interface ProfileRowProps {
  readonly profile: ProfileRecord;
  readonly typeName: string;
  readonly usage: ProfileQuotaUsage | undefined;
  readonly usageFailed: boolean;
  readonly onEdit: () => void;
  readonly onDeleted: () => void;
}

/** One profile: name, type and tag, live state, last error, worker, quotas, credentials, and its controls. */
export function ProfileRow({ profile, typeName, usage, usageFailed, onEdit, onDeleted }: ProfileRowProps) {
  return (
    <tr data-profile-id={profile.id}>
      <td>
        <span className="strong">{profile.name}</span>
        <p className="muted">{typeName}</p>
        {profile.tag && <TagChip name={profile.tag.name} color={profile.tag.color} />}
      </td>
      <td>
        <StateCell profile={profile} />
        <BrowserControls profile={profile} />
      </td>
      <td>
        <LastErrorCell profile={profile} />
      </td>
      <td>
        <WorkerCell profile={profile} />
      </td>
      <td>
        <QuotasCell usage={usage} failed={usageFailed} />
      </td>
      <td>
        <CredentialsCell profile={profile} />
      </td>
      <td className="actions-cell">
        <div className="button-row">
          <ProfileControls profile={profile} />
          <button type="button" className="button" onClick={onEdit} aria-label={`Edit ${profile.name}`}>
            Edit
          </button>
          <ConfirmAction
            label="Delete"
            confirmLabel="Confirm delete"
            groupLabel={`Confirm deleting profile ${profile.name}`}
            warning={`${profile.name} stops, its waiting work goes back to the planner, and it leaves this list (its history stays).`}
            failure="The profile was not deleted"
            run={() => call('profiles.delete', { id: profile.id }).then(onDeleted)}
          />
        </div>
      </td>
    </tr>
  );
}
