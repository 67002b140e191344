import type { ReactNode } from 'react';
import { filterChips, type ChipNames } from '../../lib/filter-chips';
import { ActiveFilters } from './active-filters';
import { SearchBox } from './search-box';

interface FilterBarProps {
  /** The search box's name ("Search leads"). */
  readonly searchLabel: string;
  readonly filter: { readonly search?: string };
  readonly patch: (patch: Record<string, undefined | string>) => void;
  readonly clear: () => void;
  readonly names: ChipNames;
  /** The filter fields, shown in a collapsible panel. */
  readonly children: ReactNode;
}

/** Search, the collapsible filter fields, and the active filters as removable chips. */
export function FilterBar({ searchLabel, filter, patch, clear, names, children }: FilterBarProps) {
  const chips = filterChips(filter, names);
  return (
    <div className="filter-bar">
      <SearchBox label={searchLabel} value={filter.search} onChange={(search) => patch({ search })} />
      <details className="filter-panel">
        <summary className="button">Filters{chips.length > 0 ? ` (${chips.length})` : ''}</summary>
        <div className="filter-grid">{children}</div>
      </details>
      <ActiveFilters chips={chips} onRemove={(key) => patch({ [key]: undefined })} onClear={clear} />
    </div>
  );
}
