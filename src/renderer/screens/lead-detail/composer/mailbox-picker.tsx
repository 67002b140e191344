import { Field } from '../../../components/field';
import { call } from '../../../lib/call';
import { useAsync } from '../../../lib/use-async';
import { isMailbox, mailboxTypeLabels } from './mailbox-profiles';

interface MailboxPickerProps {
  readonly id: string;
  /** The chosen mailbox profile; undefined lets the planner choose. */
  readonly value: number | undefined;
  readonly onChange: (profileId: number | undefined) => void;
}

/** Chooses the mailbox that sends, or leaves it to the planner. */
export function MailboxPicker({ id, value, onChange }: MailboxPickerProps) {
  const profiles = useAsync(() => call('profiles.list', {}).then((r) => r.items.filter(isMailbox)), []);
  const errors = profiles.error ? [`Mailboxes could not be loaded (${profiles.error.message}); the planner can still choose one.`] : undefined;
  const hint = profiles.data?.length === 0 ? 'No mailbox is set up yet: add one under Profiles before this can be sent.' : undefined;
  return (
    <Field id={id} label="Send from" hint={hint} errors={errors}>
      {(control) => (
        <select {...control} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}>
          <option value="">Let the planner choose a mailbox</option>
          {profiles.data?.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name} ({mailboxTypeLabels[profile.typeCode]}
              {profile.active ? '' : ', inactive'})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
