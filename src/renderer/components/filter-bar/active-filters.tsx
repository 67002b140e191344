import type { FilterChip } from '../../lib/filter-chips';

interface ActiveFiltersProps {
  readonly chips: readonly FilterChip[];
  readonly onRemove: (key: string) => void;
  readonly onClear: () => void;
}

/** The active filter fields as chips, each removable, and a button clearing them all. */
export function ActiveFilters({ chips, onRemove, onClear }: ActiveFiltersProps) {
  if (chips.length === 0) return null;
  return (
    <ul className="chip-row active-filters" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.key} className="filter-chip">
          {chip.label}
          <button type="button" className="chip-remove" aria-label={`Remove filter ${chip.label}`} onClick={() => onRemove(chip.key)}>
            ×
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="button button-small" onClick={onClear}>
          Clear filters
        </button>
      </li>
    </ul>
  );
}
