import { useId } from 'react';
import type { Settings } from '../../../shared/contract/schemas/settings';
import { Field } from '../../components/field';
import { entriesOf } from '../../lib/entries';
import { toggleDay, weekdayLabels } from './settings-draft';
import { timeZones } from './time-zones';
import { useSettingsForm } from './use-settings-form';

interface SettingsFormProps {
  readonly settings: Settings;
}

const themeLabels: Record<Settings['theme'], string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

const channelLabels: Record<Settings['updateChannel'], string> = { stable: 'Stable releases', beta: 'Beta releases too' };

/** The operator's preferences, saved together; the core's field errors appear by their fields. */
export function SettingsForm({ settings }: SettingsFormProps) {
  const { draft, update, save, saving, outcome, issues } = useSettingsForm(settings);
  const zonesId = useId();
  const errors = issues.byField;

  return (
    <form className="form" onSubmit={save} noValidate>
      <Field id="operatorName" label="Operator name" hint="Shown in the top bar." errors={errors.operatorName}>
        {(control) => (
          <input {...control} type="text" autoComplete="name" value={draft.operatorName} onChange={(e) => update('operatorName', e.target.value)} />
        )}
      </Field>

      <Field id="timezone" label="Time zone" hint="Sending hours are counted in this time zone." errors={errors.timezone}>
        {(control) => (
          <>
            <input {...control} type="text" list={zonesId} autoComplete="off" value={draft.timezone} onChange={(e) => update('timezone', e.target.value)} />
            <datalist id={zonesId}>
              {timeZones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </>
        )}
      </Field>

      <Field id="sendingDays" label="Sending days" group errors={errors.sendingDays}>
        {() => (
          <div className="choice-row">
            {entriesOf(weekdayLabels).map(([day, label]) => (
              <label key={day} className="choice">
                <input
                  type="checkbox"
                  checked={draft.sendingDays.includes(day)}
                  onChange={(e) => update('sendingDays', toggleDay(draft.sendingDays, day, e.target.checked))}
                />
                <span aria-hidden="true">{label.slice(0, 3)}</span>
                <span className="visually-hidden">{label}</span>
              </label>
            ))}
          </div>
        )}
      </Field>

      <Field id="sendingHours" label="Sending hours" group hint="Messages go out only between these times." errors={errors.sendingHours}>
        {(control) => (
          <div className="choice-row">
            <label className="inline-label">
              From
              <input
                type="time"
                aria-invalid={control['aria-invalid']}
                value={draft.sendingHours.start}
                onChange={(e) => update('sendingHours', { ...draft.sendingHours, start: e.target.value })}
              />
            </label>
            <label className="inline-label">
              To
              <input
                type="time"
                aria-invalid={control['aria-invalid']}
                value={draft.sendingHours.end}
                onChange={(e) => update('sendingHours', { ...draft.sendingHours, end: e.target.value })}
              />
            </label>
          </div>
        )}
      </Field>

      <Field id="theme" label="Theme" errors={errors.theme}>
        {(control) => (
          <select {...control} value={draft.theme} onChange={(e) => update('theme', e.target.value as Settings['theme'])}>
            {entriesOf(themeLabels).map(([theme, label]) => (
              <option key={theme} value={theme}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field id="updateChannel" label="Updates" hint="Which releases the desktop app installs." errors={errors.updateChannel}>
        {(control) => (
          <select {...control} value={draft.updateChannel} onChange={(e) => update('updateChannel', e.target.value as Settings['updateChannel'])}>
            {entriesOf(channelLabels).map(([channel, label]) => (
              <option key={channel} value={channel}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field id="postalAddress" label="Postal address" hint="Printed in the footer of outgoing emails, as anti-spam laws require." errors={errors.postalAddress}>
        {(control) => <textarea {...control} rows={3} value={draft.postalAddress} onChange={(e) => update('postalAddress', e.target.value)} />}
      </Field>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          Save settings
        </button>
        {outcome?.kind === 'saved' && (
          <p className="form-outcome success" role="status">
            Settings saved.
          </p>
        )}
        {outcome?.kind === 'failed' && (
          <p className="form-outcome danger" role="alert">
            {outcome.message}
          </p>
        )}
      </div>
    </form>
  );
}
