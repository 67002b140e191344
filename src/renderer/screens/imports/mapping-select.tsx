import { customTargetGroups, targetGroups, unlistedTarget, type CustomTargetField } from './target-labels';

interface MappingSelectProps {
  readonly column: string;
  readonly value: string;
  /** The custom fields the preview offers as targets. */
  readonly customFields: readonly CustomTargetField[];
  readonly onChange: (target: string) => void;
}

/** The menu choosing where one column of the file goes: nowhere, a lead or company field, or a custom field of either. */
export function MappingSelect({ column, value, customFields, onChange }: MappingSelectProps) {
  const groups = [...targetGroups, ...customTargetGroups(customFields)];
  // A preset may name a target no menu lists; it stays selectable as it was suggested.
  const unlisted = unlistedTarget(value, groups);
  return (
    <select className="mapping-select" aria-label={`Map column ${column}`} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="ignore">Ignore</option>
      {unlisted && <option value={unlisted.value}>{unlisted.label}</option>}
      {groups.map((group) => (
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
