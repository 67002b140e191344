import { useState, type FormEvent } from 'react';
import type { CustomField } from '../../../shared/contract/schemas/custom-fields';
import { Field } from '../../components/field';
import { call } from '../../lib/call';
import { failureMessage, issuesOf, noIssues, type GroupedIssues } from '../../lib/group-issues';
import { describeCustomField } from '../lead-detail/custom-field-hint';
import { customFieldFields, customFieldInputOf, emptyCustomFieldDraft, takesFormat, takesRange, type CustomFieldDraft } from './custom-field-draft';

const typeOptions: readonly (readonly [CustomField['type'], string])[] = [
  ['string', 'Short text'],
  ['text', 'Long text'],
  ['integer', 'Whole number'],
  ['float', 'Number'],
  ['boolean', 'Yes or no'],
  ['date', 'Date'],
];

/** Defines a new custom field on leads or companies, with its type and an optional format or range. */
export function NewCustomFieldForm({ onCreated }: { readonly onCreated: () => void }) {
  const [draft, setDraft] = useState<CustomFieldDraft>(emptyCustomFieldDraft);
  const [issues, setIssues] = useState<GroupedIssues<(typeof customFieldFields)[number]>>(noIssues);
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string }>();
  const [busy, setBusy] = useState(false);
  const errors = issues.byField;
  const set = <K extends keyof CustomFieldDraft>(key: K, value: CustomFieldDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setOutcome(undefined);
    const built = customFieldInputOf(draft);
    if ('errors' in built) {
      setIssues({ byField: built.errors, unplaced: [] });
      return;
    }
    setBusy(true);
    call('customFields.create', built.input)
      .then((field) => {
        setIssues(noIssues);
        setDraft((d) => ({ ...emptyCustomFieldDraft, targetKind: d.targetKind }));
        setOutcome({ ok: true, text: `Field ${field.name} (${describeCustomField(field)}) created.` });
        onCreated();
      })
      .catch((error: unknown) => {
        const grouped = issuesOf(error, customFieldFields);
        setIssues(grouped);
        setOutcome({ ok: false, text: failureMessage(error, grouped, 'Not created: check the fields marked above.') });
      })
      .finally(() => setBusy(false));
  };

  return (
    <form className="form custom-field-form" onSubmit={submit} noValidate aria-label="New custom field">
      <Field id="custom-field-target" label="On" errors={errors.targetKind}>
        {(control) => (
          <select {...control} value={draft.targetKind} onChange={(e) => set('targetKind', e.target.value as CustomFieldDraft['targetKind'])}>
            <option value="lead">Leads</option>
            <option value="company">Companies</option>
          </select>
        )}
      </Field>
      <Field id="custom-field-name" label="Field name" errors={errors.name}>
        {(control) => <input {...control} type="text" maxLength={80} value={draft.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field id="custom-field-type" label="Type" hint="The type cannot change later: stored values would stop fitting." errors={errors.type}>
        {(control) => (
          <select {...control} value={draft.type} onChange={(e) => set('type', e.target.value as CustomFieldDraft['type'])}>
            {typeOptions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {takesFormat(draft.type) && (
        <Field
          id="custom-field-format"
          label="Format (optional)"
          hint={draft.type === 'date' ? 'How imported dates are written, e.g. dd/mm/yyyy.' : 'A regular expression every value must match.'}
          errors={errors.format}
        >
          {(control) => <input {...control} type="text" maxLength={200} value={draft.format} onChange={(e) => set('format', e.target.value)} />}
        </Field>
      )}
      {takesRange(draft.type) && (
        <div className="choice-row">
          <Field id="custom-field-min" label="Minimum (optional)" errors={errors.min}>
            {(control) => <input {...control} type="text" inputMode="decimal" value={draft.min} onChange={(e) => set('min', e.target.value)} />}
          </Field>
          <Field id="custom-field-max" label="Maximum (optional)" errors={errors.max}>
            {(control) => <input {...control} type="text" inputMode="decimal" value={draft.max} onChange={(e) => set('max', e.target.value)} />}
          </Field>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || draft.name.trim() === ''}>
          Create field
        </button>
        {outcome && (
          <p className={`form-outcome ${outcome.ok ? 'success' : 'danger'}`} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </p>
        )}
      </div>
    </form>
  );
}
