import type { ImportSummary } from '../../../shared/contract/schemas/imports';

/** The imports with `next` replacing the one with its id (or added), newest first; ids grow with time. */
export const upsertImport = (items: readonly ImportSummary[], next: ImportSummary): readonly ImportSummary[] =>
  [next, ...items.filter((item) => item.id !== next.id)].sort((a, b) => b.id - a.id);

/** The loaded imports with every later update applied. */
export const applyUpdates = (loaded: readonly ImportSummary[], updates: readonly ImportSummary[]): readonly ImportSummary[] =>
  updates.reduce(upsertImport, loaded);
