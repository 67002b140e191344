import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/contract/schemas/settings';
import { failureMessage, issuesOf, noIssues, type GroupedIssues } from '../../lib/group-issues';
import { call } from '../../lib/call';
import { useSettings } from '../../stores/settings-store';
import { changedSettings, settingsFields } from './settings-draft';

type SettingsField = (typeof settingsFields)[number];

/** The last save's outcome: saved, or failed with a sentence for people. */
export type SaveOutcome = { readonly kind: 'saved' } | { readonly kind: 'failed'; readonly message: string } | undefined;

/** The settings form's state: a draft of the saved settings, the save in flight, its outcome and field errors. */
export interface SettingsForm {
  readonly draft: Settings;
  readonly update: <K extends SettingsField>(field: K, value: Settings[K]) => void;
  readonly save: (event: FormEvent) => void;
  readonly saving: boolean;
  readonly outcome: SaveOutcome;
  readonly issues: GroupedIssues<SettingsField>;
}

/** Edits `saved`; when the saved settings change (this form's save, or another window's), the draft starts over from them. */
export function useSettingsForm(saved: Settings): SettingsForm {
  const [base, setBase] = useState(saved);
  const [draft, setDraft] = useState(saved);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>();
  const [issues, setIssues] = useState<GroupedIssues<SettingsField>>(noIssues);

  if (saved !== base) {
    setBase(saved);
    setDraft(saved);
    setIssues(noIssues);
    // A failure no longer describes the new draft; a success message from this form's own save stays.
    setOutcome((o) => (o?.kind === 'failed' ? undefined : o));
  }

  const update = <K extends SettingsField>(field: K, value: Settings[K]): void => {
    setDraft((d) => ({ ...d, [field]: value }));
    setOutcome(undefined);
  };

  const save = (event: FormEvent): void => {
    event.preventDefault();
    setSaving(true);
    setOutcome(undefined);
    call('settings.update', changedSettings(base, draft))
      .then((next) => {
        useSettings.getState().replace(next);
        setIssues(noIssues);
        setOutcome({ kind: 'saved' });
      })
      .catch((error: unknown) => {
        const grouped = issuesOf(error, settingsFields);
        setIssues(grouped);
        setOutcome({ kind: 'failed', message: failureMessage(error, grouped, 'Not saved: check the fields marked below.') });
      })
      .finally(() => setSaving(false));
  };

  return { draft, update, save, saving, outcome, issues };
}
