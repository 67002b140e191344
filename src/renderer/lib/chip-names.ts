import type { ImportSummary } from '../../shared/contract/schemas/imports';
import type { Tag } from '../../shared/contract/schemas/tags';
import type { ChipNames } from './filter-chips';

/** Chip names from the loaded tags and imports; an id not among them shows as `#id`. */
export const chipNames = (tags: readonly Tag[], imports: readonly ImportSummary[]): ChipNames => ({
  tag: (id) => tags.find((t) => t.id === id)?.name ?? `#${id}`,
  importName: (id) => imports.find((i) => i.id === id)?.fileName ?? `#${id}`,
});
