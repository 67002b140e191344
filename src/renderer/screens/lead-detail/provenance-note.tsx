import type { ProvenanceEntry } from '../../../shared/contract/schemas/provenance';
import { formatDateTime } from '../../lib/format-time';
import { describeProvenance } from './describe-provenance';

/** The small print under a value saying who set it and when; the exact time shows on hover. */
export function ProvenanceNote({ entry }: { readonly entry: ProvenanceEntry | null | undefined }) {
  if (!entry) return null;
  return (
    <small className="provenance" title={`Set ${formatDateTime(entry.setAt)}`}>
      {describeProvenance(entry, Date.now())}
    </small>
  );
}
