import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { profileType } from '../../../shared/contract/schemas/catalogue';
import type { ProfileRecord } from '../../../shared/contract/schemas/profiles';
import { EditActions } from '../../components/edit-actions';
import { Field } from '../../components/field';
import { call } from '../../lib/call';
import { useFormSave } from '../../lib/use-form-save';
import { useTags } from '../../stores/tags-store';
import { ConnectionTest } from './connection-test';
import { credentialLabels, isSecretField, mailboxPresets } from './mailbox-presets';
import { SettingField } from './setting-field';
import { draftOf, ownSettings, settingLeaves, type SettingsDraft } from './settings-fields';

type ProfileType = z.infer<typeof profileType>;

interface ProfileFormProps {
  readonly types: readonly ProfileType[];
  /** The profile being edited; a new one when absent. */
  readonly editing?: ProfileRecord;
  readonly onDone: () => void;
}

const settingsOf = (type: ProfileType | undefined): Record<string, unknown> => {
  const settings = type?.defaults.settings;
  return typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>) : {};
};
const credentialFieldsOf = (type: ProfileType | undefined): string[] =>
  Array.isArray(type?.defaults.credentials) ? (type.defaults.credentials as unknown[]).filter((f): f is string => typeof f === 'string') : [];

/** Adds or edits a profile; its fields come from the catalogue type (servers, folders, API address, credential fields). Passwords are never prefilled. */
export function ProfileForm({ types, editing, onDone }: ProfileFormProps) {
  const tags = useTags();
  const [typeCode, setTypeCode] = useState(editing?.typeCode ?? mailboxPresets[0]?.typeCode ?? types[0]?.code ?? '');
  const type = types.find((t) => t.code === typeCode);
  const leaves = useMemo(() => settingLeaves(settingsOf(type)), [type]);
  const fields = credentialFieldsOf(type);
  const preset = mailboxPresets.find((p) => p.typeCode === typeCode);
  const [name, setName] = useState(editing?.name ?? '');
  const [tagId, setTagId] = useState<number | null>(editing?.tag?.id ?? null);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(leaves, editing?.settings ?? {}));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const placed = new Set(['name', 'typeCode', 'tagId', ...fields.map((f) => `credentials.${f}`), ...leaves.map((l) => `settings.${l.path}`)]);
  const { issues, setIssues, failure, saving, save } = useFormSave((path) => placed.has(path));

  useEffect(() => {
    const shared = useTags.getState();
    if (shared.data === undefined) shared.reload();
  }, []);

  const chooseType = (code: string): void => {
    setTypeCode(code);
    setDraft(draftOf(settingLeaves(settingsOf(types.find((t) => t.code === code))), {}));
    setSecrets({});
    setIssues([]);
  };

  const errorsAt = (path: string) => issues.filter((i) => i.path === path).map((i) => i.message);

  // The form as it stands, saved or not: what a connection test checks.
  const given = (): Record<string, string> => Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ''));
  const testInput = () => {
    const settings = ownSettings(leaves, draft, editing?.settings ?? {});
    return editing ? { profileId: editing.id, settings, credentials: given() } : { typeCode, settings, credentials: given() };
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const credentials = given();
    const settings = ownSettings(leaves, draft, editing?.settings ?? {});
    save(
      () =>
        editing
          ? call('profiles.update', { id: editing.id, name, settings, tagId, ...(Object.keys(credentials).length > 0 ? { credentials } : {}) })
          : call('profiles.create', { typeCode, name, settings, credentials, tagId }),
      () => {
        setSecrets({});
        onDone();
      },
    );
  };

  const others = types.filter((t) => !mailboxPresets.some((p) => p.typeCode === t.code));
  return (
    <form className="form profile-form" onSubmit={submit} noValidate aria-label={editing ? `Edit profile ${editing.name}` : 'New profile'}>
      {editing ? (
        <p className="muted">Kind of account: {type?.name ?? editing.typeCode}</p>
      ) : (
        <Field id="profile-type" label="Kind of account" errors={errorsAt('typeCode')}>
          {(control) => (
            <select {...control} value={typeCode} onChange={(e) => chooseType(e.target.value)}>
              <optgroup label="Mailboxes">
                {mailboxPresets
                  .filter((p) => types.some((t) => t.code === p.typeCode))
                  .map((p) => (
                    <option key={p.typeCode} value={p.typeCode}>
                      {p.label}
                    </option>
                  ))}
              </optgroup>
              <optgroup label="Other accounts">
                {others.map((t) => (
                  <option key={t.code} value={t.code}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
      )}
      {preset && <p className="field-hint">{preset.hint}</p>}
      <Field id="profile-name" label="Name" hint="How this account is called in Outpost." errors={errorsAt('name')}>
        {(control) => <input {...control} type="text" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      {fields.map((field) => {
        const stored = editing?.credentials.find((c) => c.name === field)?.set === true;
        return (
          <Field
            key={field}
            id={`profile-credential-${field}`}
            label={preset?.credentialLabels[field] ?? credentialLabels[field] ?? field}
            hint={stored ? 'Stored encrypted; leave empty to keep it.' : undefined}
            errors={errorsAt(`credentials.${field}`)}
          >
            {(control) => (
              <input
                {...control}
                type={isSecretField(field) ? 'password' : 'text'}
                autoComplete={isSecretField(field) ? 'new-password' : 'off'}
                value={secrets[field] ?? ''}
                onChange={(e) => setSecrets((s) => ({ ...s, [field]: e.target.value }))}
              />
            )}
          </Field>
        );
      })}
      {leaves.map((leaf) => (
        <SettingField
          key={`${typeCode}:${leaf.path}`}
          leaf={leaf}
          value={draft[leaf.path] ?? ''}
          errors={errorsAt(`settings.${leaf.path}`)}
          onChange={(value) => setDraft((d) => ({ ...d, [leaf.path]: value }))}
        />
      ))}
      <Field id="profile-tag" label="Tag" hint="Work tagged the same goes to this profile." errors={errorsAt('tagId')}>
        {(control) => (
          <select {...control} value={tagId ?? ''} onChange={(e) => setTagId(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">No tag</option>
            {(tags.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {type?.access === 'mta' && <ConnectionTest input={testInput} />}
      <EditActions saveLabel={editing ? 'Save profile' : 'Add profile'} saving={saving} onCancel={onDone} failure={failure} />
    </form>
  );
}
