import { customFieldOf, targetGroups } from './target-labels';

interface MappingSelectProps {
  readonly column: string;
  readonly value: string;
  readonly onChange: (target: string) => void;
}

/** The menu choosing where one column of the file goes: nowhere, a lead field or a company field. */
export function MappingSelect({ column, value, onChange }: MappingSelectProps) {
  // A preset may map a column to a custom field, which the menus do not list; it stays selectable as it was suggested.
  const custom = customFieldOf(value);
  return (
    <select className="mapping-select" aria-label={`Map column ${column}`} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="ignore">Ignore</option>
      {custom !== undefined && <option value={value}>Custom: {custom}</option>}
      {targetGroups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.targets.map((target) => (
            <option key={target.value} value={target.value}>
              {target.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
