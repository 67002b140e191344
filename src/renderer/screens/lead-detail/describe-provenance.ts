import type { ProvenanceEntry } from '../../../shared/contract/schemas/provenance';
import { relativeTime } from './relative-time';

// The core's labels start a sentence ("Import people.csv", "Rule 4"); here they follow a preposition.
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** Who set a value, in words ("from import people.csv", "by rule 4", "by you"). */
export function describeSource({ sourceKind, label }: Pick<ProvenanceEntry, 'sourceKind' | 'label'>): string {
  switch (sourceKind) {
    case 'person':
      return 'by you';
    case 'api':
      return 'through the API';
    case 'rule':
      return label ? `by ${lowerFirst(label)}` : 'by a rule';
    case 'import':
      return label ? `from ${lowerFirst(label)}` : 'from an import';
    case 'enrichment':
      return label ? `from ${lowerFirst(label)}` : 'from an enrichment';
    case 'scrape':
      return label ? `from ${lowerFirst(label)}` : 'from a scrape';
  }
}

/** Where a value came from and when, for the small print beside it ("from import people.csv · 2 h ago"). */
export const describeProvenance = (entry: ProvenanceEntry, now: number): string => `${describeSource(entry)} · ${relativeTime(entry.setAt, now)}`;
