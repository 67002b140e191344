import type { TagRef } from '../../shared/contract/schemas/leads';
import { TagChip } from './tag-chip';

/** A row's tags as chips on one line. */
export function TagList({ tags }: { readonly tags: readonly TagRef[] }) {
  return (
    <span className="tag-list">
      {tags.map((t) => (
        <TagChip key={t.id} name={t.name} color={t.color} />
      ))}
    </span>
  );
}
