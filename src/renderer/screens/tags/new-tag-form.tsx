import { useState, type FormEvent } from 'react';
import { Field } from '../../components/field';
import { call } from '../../lib/call';
import { failureMessage, issuesOf, noIssues, type GroupedIssues } from '../../lib/group-issues';
import { useTags } from '../../stores/tags-store';

const tagFields = ['name', 'color'] as const;

/** The colour a new tag starts with in the form (the core picks one from its palette when none is sent). */
const START_COLOR = '#2456d3';

/** Names and colours a new tag. */
export function NewTagForm() {
  const [name, setName] = useState('');
  const [color, setColor] = useState(START_COLOR);
  const [issues, setIssues] = useState<GroupedIssues<(typeof tagFields)[number]>>(noIssues);
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string }>();
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    call('tags.create', { name, color })
      .then((tag) => {
        setIssues(noIssues);
        setName('');
        setOutcome({ ok: true, text: `Tag ${tag.name} created.` });
        useTags.getState().reload();
      })
      .catch((error: unknown) => {
        const grouped = issuesOf(error, tagFields);
        setIssues(grouped);
        setOutcome({ ok: false, text: failureMessage(error, grouped, 'Not created: check the fields marked above.') });
      })
      .finally(() => setBusy(false));
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="New tag">
      <Field id="new-tag-name" label="Name" errors={issues.byField.name}>
        {(control) => <input {...control} type="text" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field id="new-tag-color" label="Colour" errors={issues.byField.color}>
        {(control) => <input {...control} type="color" value={color} onChange={(e) => setColor(e.target.value)} />}
      </Field>
      <button type="submit" className="button button-primary" disabled={busy || name.trim() === ''}>
        Create tag
      </button>
      {outcome && (
        <p className={`form-outcome ${outcome.ok ? 'success' : 'danger'}`} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </form>
  );
}
