import { useState, type FormEvent } from 'react';
import { Field } from '../../components/field';
import { failureMessage, issuesOf, noIssues, type GroupedIssues } from '../../lib/group-issues';
import { draftOf, fieldKeys, patchOf, type FieldGroup, type FieldValue } from './field-groups';
import { EditActions } from '../../components/edit-actions';

interface RecordEditFormProps<K extends string> {
  /** Prefixes the control ids, so two forms on one page do not clash. */
  readonly idPrefix: string;
  readonly groups: readonly FieldGroup<K>[];
  readonly record: Record<K, FieldValue>;
  /** Sends the changed fields (null clears one). */
  readonly save: (changes: Partial<Record<K, FieldValue>>) => Promise<unknown>;
  /** Leaves edit mode, after a save or on Cancel. */
  readonly onDone: () => void;
}

const inputType = { text: 'text', email: 'email', url: 'url', tel: 'tel', count: 'text' } as const;

/** The record's fields as a form; Save sends only what changed, and the core's errors appear by the field they name. */
export function RecordEditForm<K extends string>({ idPrefix, groups, record, save, onDone }: RecordEditFormProps<K>) {
  const [draft, setDraft] = useState(() => draftOf(record, groups));
  const [issues, setIssues] = useState<GroupedIssues<K>>(noIssues);
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const { changes, errors } = patchOf(record, draft, groups);
    if (Object.keys(errors).length > 0) {
      setIssues({ byField: errors, unplaced: [] });
      setFailure('Not saved: check the fields marked below.');
      return;
    }
    if (Object.keys(changes).length === 0) return onDone();
    setSaving(true);
    setFailure(undefined);
    save(changes)
      .then(onDone, (error: unknown) => {
        const grouped = issuesOf(error, fieldKeys(groups));
        setIssues(grouped);
        setFailure(failureMessage(error, grouped, 'Not saved: check the fields marked below.'));
      })
      .finally(() => setSaving(false));
  };

  return (
    <form className="form detail-form" onSubmit={submit} noValidate aria-label="Edit fields">
      {groups.map((group) => (
        <fieldset key={group.title} className="detail-fieldset">
          <legend>{group.title}</legend>
          {group.fields.map((field) => (
            <Field key={field.key} id={`${idPrefix}-${field.key}`} label={field.label} errors={issues.byField[field.key]}>
              {(control) => (
                <input
                  {...control}
                  type={inputType[field.kind ?? 'text']}
                  inputMode={field.kind === 'count' ? 'numeric' : undefined}
                  value={draft[field.key]}
                  onChange={(e) => setDraft((d) => ({ ...d, [field.key]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </fieldset>
      ))}
      <EditActions saveLabel="Save" saving={saving} onCancel={onDone} failure={failure} />
    </form>
  );
}
