import type { CompanyFilter, LeadFilter } from '../../../shared/contract/schemas/lead-filter';
import type { Tag } from '../../../shared/contract/schemas/tags';
import { DateRange } from './date-range';
import { NumberRange } from './number-range';
import { PresenceToggle } from './presence-toggle';
import { TagPicker } from './tag-picker';
import { WordsInput } from './words-input';

type SharedKey = keyof LeadFilter & keyof CompanyFilter;

/** The filter fields leads and companies share. */
export type SharedFilter = Pick<LeadFilter, SharedKey>;

interface SharedFilterFieldsProps {
  readonly filter: SharedFilter;
  readonly patch: (patch: Partial<SharedFilter>) => void;
  readonly tags: readonly Tag[];
}

/** Tags, phone / LinkedIn / Facebook presence, place, industry, size, revenue and creation date. */
export function SharedFilterFields({ filter: f, patch, tags }: SharedFilterFieldsProps) {
  return (
    <>
      <TagPicker label="Tags include" tags={tags} value={f.tagsInclude} onChange={(tagsInclude) => patch({ tagsInclude })} />
      <TagPicker label="Tags exclude" tags={tags} value={f.tagsExclude} onChange={(tagsExclude) => patch({ tagsExclude })} />
      <PresenceToggle label="Has phone" value={f.hasPhone} onChange={(hasPhone) => patch({ hasPhone })} />
      <PresenceToggle label="Has LinkedIn" value={f.hasLinkedin} onChange={(hasLinkedin) => patch({ hasLinkedin })} />
      <PresenceToggle label="Has Facebook" value={f.hasFacebook} onChange={(hasFacebook) => patch({ hasFacebook })} />
      <WordsInput label="Country" value={f.countries} onChange={(countries) => patch({ countries })} placeholder="US, France, …" />
      <WordsInput label="Location keywords" value={f.locationKeywords} onChange={(locationKeywords) => patch({ locationKeywords })} />
      <WordsInput label="Industry" value={f.industries} onChange={(industries) => patch({ industries })} />
      <NumberRange label="Headcount" min={f.headcountMin} max={f.headcountMax} onChange={(headcountMin, headcountMax) => patch({ headcountMin, headcountMax })} />
      <NumberRange label="Revenue" min={f.revenueMin} max={f.revenueMax} onChange={(revenueMin, revenueMax) => patch({ revenueMin, revenueMax })} />
      <DateRange label="Created" from={f.createdFrom} to={f.createdTo} onChange={(createdFrom, createdTo) => patch({ createdFrom, createdTo })} />
    </>
  );
}
