import type { ImportSummary } from '../../../shared/contract/schemas/imports';
import type { LeadFilter } from '../../../shared/contract/schemas/lead-filter';
import type { Tag } from '../../../shared/contract/schemas/tags';
import { CheckGroup } from '../../components/filter-bar/check-group';
import { DateRange } from '../../components/filter-bar/date-range';
import { FilterBar } from '../../components/filter-bar/filter-bar';
import { PresenceToggle } from '../../components/filter-bar/presence-toggle';
import { SelectFilter } from '../../components/filter-bar/select-filter';
import { SharedFilterFields } from '../../components/filter-bar/shared-filter-fields';
import { WordsInput } from '../../components/filter-bar/words-input';
import { chipNames } from '../../lib/chip-names';
import { useLeadList } from '../../stores/lead-list-store';

type Verification = NonNullable<LeadFilter['verification']>[number];

const verificationOptions: readonly (readonly [Verification, string])[] = [
  ['valid', 'Valid'],
  ['invalid', 'Invalid'],
  ['risky', 'Risky'],
  ['catch_all', 'Catch-all'],
  ['disposable', 'Disposable'],
  ['unknown', 'Unknown'],
  ['unverified', 'Not verified'],
];

interface LeadFilterBarProps {
  readonly tags: readonly Tag[];
  readonly imports: readonly ImportSummary[];
}

/** Every lead filter: search, tags, presence of contact details, verification, place, company, title, dates and import. */
export function LeadFilterBar({ tags, imports }: LeadFilterBarProps) {
  const filter = useLeadList((s) => s.filter);
  const patch = useLeadList((s) => s.patchFilter);
  const clear = useLeadList((s) => s.clearFilter);
  return (
    <FilterBar searchLabel="Search leads" filter={filter} patch={patch} clear={clear} names={chipNames(tags, imports)}>
      <PresenceToggle label="Has email" value={filter.hasEmail} onChange={(hasEmail) => patch({ hasEmail })} />
      <SharedFilterFields filter={filter} patch={patch} tags={tags} />
      <CheckGroup label="Verification" options={verificationOptions} value={filter.verification} onChange={(verification) => patch({ verification })} />
      <WordsInput label="Title includes" value={filter.titleInclude} onChange={(titleInclude) => patch({ titleInclude })} placeholder="founder, head of, …" />
      <WordsInput label="Title excludes" value={filter.titleExclude} onChange={(titleExclude) => patch({ titleExclude })} placeholder="intern, assistant, …" />
      <DateRange label="Updated" from={filter.updatedFrom} to={filter.updatedTo} onChange={(updatedFrom, updatedTo) => patch({ updatedFrom, updatedTo })} />
      <SelectFilter label="Import" options={imports.map((i) => [i.id, i.fileName] as const)} value={filter.importId} onChange={(importId) => patch({ importId })} />
    </FilterBar>
  );
}
