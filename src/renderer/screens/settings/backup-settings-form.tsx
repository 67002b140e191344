import { useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../shared/contract/methods';
import { Field } from '../../components/field';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';

interface BackupSettingsFormProps {
  readonly settings: MethodOutput<'backups.settings.get'>;
  readonly onSaved: () => void;
}

/** The backup folder (blank for the data folder's `backups`) and how often the scheduled backup runs. */
export function BackupSettingsForm({ settings, onSaved }: BackupSettingsFormProps) {
  const [folder, setFolder] = useState(settings.folder ?? '');
  const [interval, setIntervalText] = useState(String(settings.intervalMinutes));
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string }>();

  const save = (event: FormEvent) => {
    event.preventDefault();
    call('backups.settings.set', { folder: folder.trim() || null, intervalMinutes: Number(interval) }).then(
      () => {
        setOutcome({ ok: true, text: 'Saved.' });
        onSaved();
      },
      (error: unknown) => setOutcome({ ok: false, text: toError(error).message }),
    );
  };

  return (
    <form onSubmit={save} aria-label="Backup settings">
      <Field id="backup-folder" label="Backup folder" hint={`Blank: ${settings.effectiveFolder}. A synced folder gives an off-site copy.`}>
        {(control) => <input {...control} value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={settings.effectiveFolder} />}
      </Field>
      <Field id="backup-interval" label="Back up every (minutes)" hint="From 5 minutes to a week; kept hourly for a day, daily for a week, weekly for a month.">
        {(control) => <input {...control} type="number" min={5} max={10080} value={interval} onChange={(e) => setIntervalText(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button">
          Save backup settings
        </button>
        {outcome && (
          <p className={`form-outcome${outcome.ok ? '' : ' danger'}`} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </p>
        )}
      </div>
    </form>
  );
}
