import { useId } from 'react';

/** A presence choice: any = do not filter, yes = must have one, no = must not. */
export type Presence = 'any' | 'yes' | 'no';

const choices: readonly Presence[] = ['any', 'yes', 'no'];

const choiceLabels: Record<Presence, string> = { any: 'Any', yes: 'Yes', no: 'No' };

interface PresenceToggleProps {
  /** The group's name ("Has email"). */
  readonly label: string;
  readonly value: Presence | undefined;
  readonly onChange: (value: Presence | undefined) => void;
}

/** Any / Yes / No as a radio group; choosing Any removes the filter field. */
export function PresenceToggle({ label, value = 'any', onChange }: PresenceToggleProps) {
  const name = useId();
  return (
    <fieldset className="presence-toggle">
      <legend>{label}</legend>
      {choices.map((choice) => (
        <label key={choice} className="segment">
          <input type="radio" name={name} value={choice} checked={value === choice} onChange={() => onChange(choice === 'any' ? undefined : choice)} />
          {choiceLabels[choice]}
        </label>
      ))}
    </fieldset>
  );
}
