import { useState, type FormEvent } from 'react';
import type { CustomField, CustomFieldValue } from '../../../shared/contract/schemas/custom-fields';
import { ClientError } from '../../api/transport';
import { AsyncView } from '../../components/async-view';
import { Field } from '../../components/field';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { customDraftOf, customIssuesFor, customPatchOf } from './custom-drafts';
import { describeCustomField } from './custom-field-hint';
import { CustomValueControl } from './custom-value-control';
import { ProvenanceNote } from './provenance-note';
import { valueText } from './value-text';
import { EditActions } from '../../components/edit-actions';

interface CustomValuesProps {
  readonly targetKind: CustomField['targetKind'];
  readonly values: readonly CustomFieldValue[];
  /** Sends the changed values keyed by field id (null clears one). */
  readonly save: (patch: Record<string, string | null>) => Promise<unknown>;
}

function CustomValuesForm({ fields, values, save, onDone }: { readonly fields: readonly CustomField[]; readonly values: readonly CustomFieldValue[]; readonly save: CustomValuesProps['save']; readonly onDone: () => void }) {
  const [start] = useState(() => customDraftOf(fields, values));
  const [draft, setDraft] = useState(start);
  const [issues, setIssues] = useState<ClientError['issues']>([]);
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const patch = customPatchOf(start, draft);
    if (Object.keys(patch).length === 0) return onDone();
    setSaving(true);
    save(patch)
      .then(onDone, (error: unknown) => {
        const found = error instanceof ClientError ? error.issues : [];
        setIssues(found);
        const placed = fields.some((field) => customIssuesFor(found, field.id).length > 0);
        setFailure(placed ? 'Not saved: check the fields marked above.' : `Not saved: ${toError(error).message}`);
      })
      .finally(() => setSaving(false));
  };

  return (
    <form className="form detail-form" onSubmit={submit} noValidate aria-label="Edit custom fields">
      {fields.map((field) => (
        <Field key={field.id} id={`custom-${field.targetKind}-${field.id}`} label={field.name} hint={describeCustomField(field)} errors={customIssuesFor(issues, field.id)}>
          {(control) => <CustomValueControl field={field} control={control} value={draft[field.id] ?? ''} onChange={(text) => setDraft((d) => ({ ...d, [field.id]: text }))} />}
        </Field>
      ))}
      <EditActions saveLabel="Save custom fields" saving={saving} onCancel={onDone} failure={failure} />
    </form>
  );
}

/** A record's custom field values with who set them, and a form (one control per field, fitting its type) to change them. */
export function CustomValues({ targetKind, values, save }: CustomValuesProps) {
  const fields = useAsync(() => call('customFields.list', { targetKind }), [targetKind]);
  const [editing, setEditing] = useState(false);
  return (
    <AsyncView state={fields} what="custom fields">
      {({ items }) => {
        if (items.length === 0) return <p className="muted">No custom fields for {targetKind === 'lead' ? 'leads' : 'companies'} yet; add them under Tags &amp; fields.</p>;
        if (editing) return <CustomValuesForm fields={items} values={values} save={save} onDone={() => setEditing(false)} />;
        return (
          <>
            <dl className="details">
              {items.map((field) => {
                const value = values.find((v) => v.fieldId === field.id);
                return (
                  <div key={field.id} className="details-row">
                    <dt>{field.name}</dt>
                    <dd>
                      {value ? valueText(value.value) : <span className="muted">—</span>}
                      <ProvenanceNote entry={value?.provenance} />
                    </dd>
                  </div>
                );
              })}
            </dl>
            <div className="button-row">
              <button type="button" className="button" onClick={() => setEditing(true)}>
                Edit custom fields
              </button>
            </div>
          </>
        );
      }}
    </AsyncView>
  );
}
