interface CheckGroupProps<V extends string> {
  readonly label: string;
  readonly options: readonly (readonly [V, string])[];
  readonly value: readonly V[] | undefined;
  readonly onChange: (value: V[] | undefined) => void;
}

/** A multi-select as a group of checkboxes; none checked removes the filter field. */
export function CheckGroup<V extends string>({ label, options, value = [], onChange }: CheckGroupProps<V>) {
  const toggle = (option: V, on: boolean): void => {
    const next = on ? [...value, option] : value.filter((v) => v !== option);
    onChange(next.length > 0 ? next : undefined);
  };
  return (
    <fieldset className="filter-field check-group">
      <legend>{label}</legend>
      {options.map(([option, text]) => (
        <label key={option} className="inline-label">
          <input type="checkbox" checked={value.includes(option)} onChange={(e) => toggle(option, e.target.checked)} />
          {text}
        </label>
      ))}
    </fieldset>
  );
}
