import { Field } from '../../components/field';
import type { SettingLeaf } from './settings-fields';

interface SettingFieldProps {
  readonly leaf: SettingLeaf;
  readonly value: string | boolean;
  readonly errors: readonly string[];
  readonly onChange: (value: string | boolean) => void;
}

const securityWords = { tls: 'TLS (encrypted from the start)', starttls: 'STARTTLS (upgraded after connecting)', none: 'None (unencrypted)' };

/** One profile setting, edited the way its default value suggests (text, number, yes/no, list, connection security). */
export function SettingField({ leaf, value, errors, onChange }: SettingFieldProps) {
  const id = `profile-setting-${leaf.path.replace(/\./g, '-')}`;
  return (
    <Field id={id} label={leaf.label} errors={errors}>
      {(control) => {
        if (leaf.kind === 'boolean') {
          return <input {...control} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
        }
        if (leaf.kind === 'security') {
          return (
            <select {...control} value={String(value)} onChange={(e) => onChange(e.target.value)}>
              {Object.entries(securityWords).map(([code, words]) => (
                <option key={code} value={code}>
                  {words}
                </option>
              ))}
            </select>
          );
        }
        return (
          <input
            {...control}
            type="text"
            inputMode={leaf.kind === 'number' ? 'numeric' : undefined}
            value={String(value)}
            onChange={(e) => onChange(e.target.value)}
          />
        );
      }}
    </Field>
  );
}
