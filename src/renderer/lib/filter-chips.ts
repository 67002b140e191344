import { formatDate } from './format-time';
import { isActive } from './list-hash';

/** One active filter field as a removable chip. */
export interface FilterChip {
  /** The filter field the chip removes. */
  readonly key: string;
  readonly label: string;
}

/** Names for the ids a filter holds. */
export interface ChipNames {
  readonly tag: (id: number) => string;
  readonly importName: (id: number) => string;
}

type Describe = (value: never, names: ChipNames) => string;

const list = (values: readonly string[]): string => values.join(', ');
const tagList = (ids: readonly number[], names: ChipNames): string => ids.map(names.tag).join(', ');
const presence = (what: string) => (value: 'yes' | 'no') => `${what}: ${value}`;

const describers: Record<string, Describe> = {
  search: (v: string) => `Search: ${v}`,
  tagsInclude: (v: number[], n: ChipNames) => `Tagged: ${tagList(v, n)}`,
  tagsExclude: (v: number[], n: ChipNames) => `Not tagged: ${tagList(v, n)}`,
  hasEmail: presence('Email'),
  hasPhone: presence('Phone'),
  hasLinkedin: presence('LinkedIn'),
  hasFacebook: presence('Facebook'),
  hasDomain: presence('Domain'),
  verification: (v: string[]) => `Verification: ${list(v.map((c) => c.replace('_', '-')))}`,
  countries: (v: string[]) => `Country: ${list(v)}`,
  locationKeywords: (v: string[]) => `Location: ${list(v)}`,
  industries: (v: string[]) => `Industry: ${list(v)}`,
  titleInclude: (v: string[]) => `Title has: ${list(v)}`,
  titleExclude: (v: string[]) => `Title lacks: ${list(v)}`,
  headcountMin: (v: number) => `Headcount ≥ ${v}`,
  headcountMax: (v: number) => `Headcount ≤ ${v}`,
  revenueMin: (v: number) => `Revenue ≥ ${v}`,
  revenueMax: (v: number) => `Revenue ≤ ${v}`,
  createdFrom: (v: string) => `Created from ${formatDate(v)}`,
  createdTo: (v: string) => `Created to ${formatDate(v)}`,
  updatedFrom: (v: string) => `Updated from ${formatDate(v)}`,
  updatedTo: (v: string) => `Updated to ${formatDate(v)}`,
  importId: (v: number, n: ChipNames) => `Import: ${n.importName(v)}`,
  companyId: (v: number) => `Company #${v}`,
};

/** A chip for every field of the filter that narrows the list, in filter-bar order. */
export function filterChips(filter: object, names: ChipNames): FilterChip[] {
  const values = filter as Record<string, unknown>;
  return Object.entries(describers)
    .filter(([key]) => isActive(values[key]))
    .map(([key, describe]) => ({ key, label: describe(values[key] as never, names) }));
}
