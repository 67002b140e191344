import { useId } from 'react';

interface SelectFilterProps {
  readonly label: string;
  /** Value and text of each choice. */
  readonly options: readonly (readonly [number, string])[];
  readonly value: number | undefined;
  readonly onChange: (value: number | undefined) => void;
}

/** One choice from a list (an import), with "Any" removing the filter field. */
export function SelectFilter({ label, options, value, onChange }: SelectFilterProps) {
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
