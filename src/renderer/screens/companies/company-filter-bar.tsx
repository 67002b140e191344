import type { Tag } from '../../../shared/contract/schemas/tags';
import { FilterBar } from '../../components/filter-bar/filter-bar';
import { PresenceToggle } from '../../components/filter-bar/presence-toggle';
import { SharedFilterFields } from '../../components/filter-bar/shared-filter-fields';
import { chipNames } from '../../lib/chip-names';
import { useCompanyList } from '../../stores/company-list-store';

/** Every company filter: search, tags, domain and social presence, place, industry, size, revenue and creation date. */
export function CompanyFilterBar({ tags }: { readonly tags: readonly Tag[] }) {
  const filter = useCompanyList((s) => s.filter);
  const patch = useCompanyList((s) => s.patchFilter);
  const clear = useCompanyList((s) => s.clearFilter);
  return (
    <FilterBar searchLabel="Search companies" filter={filter} patch={patch} clear={clear} names={chipNames(tags, [])}>
      <PresenceToggle label="Has domain" value={filter.hasDomain} onChange={(hasDomain) => patch({ hasDomain })} />
      <SharedFilterFields filter={filter} patch={patch} tags={tags} />
    </FilterBar>
  );
}
