import { useState, type FormEvent } from 'react';
import type { Reminder } from '../../../shared/contract/schemas/reminders';
import { Field } from '../../components/field';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';
import { formatDate, formatDateTime } from '../../lib/format-time';
import { dueAtOf } from './reminder-due';

interface RemindersSectionProps {
  readonly leadId: number;
  /** The open reminders, soonest first. */
  readonly reminders: readonly Reminder[];
  /** Reloads the lead after a change. */
  readonly onChanged: () => void;
}

function NewReminder({ leadId, onChanged }: Omit<RemindersSectionProps, 'reminders'>) {
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const dueAt = dueAtOf(date);
    if (!dueAt) return setError('Choose the day it falls due.');
    setBusy(true);
    setError(undefined);
    call('reminders.create', { leadId, dueAt, note })
      .then(() => {
        setDate('');
        setNote('');
        onChanged();
      })
      .catch((failure: unknown) => setError(`Not added: ${toError(failure).message}`))
      .finally(() => setBusy(false));
  };

  return (
    <form className="reminder-form" onSubmit={submit} noValidate aria-label="New reminder">
      <Field id={`reminder-date-${leadId}`} label="Due on" errors={error ? [error] : undefined}>
        {(control) => <input {...control} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field id={`reminder-note-${leadId}`} label="Note">
        {(control) => <input {...control} type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" className="button" disabled={busy}>
        Add reminder
      </button>
    </form>
  );
}

function ReminderItem({ reminder, onChanged }: { readonly reminder: Reminder; readonly onChanged: () => void }) {
  const [failure, setFailure] = useState<string>();
  const act = (run: () => Promise<unknown>): void => {
    setFailure(undefined);
    run().then(onChanged, (error: unknown) => setFailure(toError(error).message));
  };
  const overdue = Date.parse(reminder.dueAt) < Date.now();
  return (
    <li className="reminder">
      <time dateTime={reminder.dueAt} title={formatDateTime(reminder.dueAt)} className={overdue ? 'danger' : undefined}>
        {formatDate(reminder.dueAt)}
      </time>
      <span>{reminder.note || <span className="muted">No note</span>}</span>
      <span className="button-row">
        <button type="button" className="button button-small" onClick={() => act(() => call('reminders.complete', { id: reminder.id }))}>
          Mark done
        </button>
        <button type="button" className="button button-small" aria-label={`Delete reminder due ${formatDate(reminder.dueAt)}`} onClick={() => act(() => call('reminders.delete', { id: reminder.id }))}>
          Delete
        </button>
      </span>
      {failure && (
        <p className="form-outcome danger" role="alert">
          {failure}
        </p>
      )}
    </li>
  );
}

/** A lead's open reminders with Mark done, and a form to add one for a day. */
export function RemindersSection({ leadId, reminders, onChanged }: RemindersSectionProps) {
  return (
    <>
      {reminders.length === 0 ? (
        <p className="muted">No open reminders.</p>
      ) : (
        <ul className="reminders" aria-label="Reminders">
          {reminders.map((reminder) => (
            <ReminderItem key={reminder.id} reminder={reminder} onChanged={onChanged} />
          ))}
        </ul>
      )}
      <NewReminder leadId={leadId} onChanged={onChanged} />
    </>
  );
}
