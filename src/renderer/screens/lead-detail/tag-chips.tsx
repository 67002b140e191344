import { useState } from 'react';
import type { AppliedTag } from '../../../shared/contract/schemas/tags';
import { TagChip } from '../../components/tag-chip';
import { toError } from '../../lib/async-state';
import { formatDateTime } from '../../lib/format-time';
import { describeSource } from './describe-provenance';
import { TagPicker } from './tag-picker';

interface TagChipsProps {
  readonly recordName: string;
  readonly tags: readonly AppliedTag[];
  readonly add: (tagId: number) => Promise<unknown>;
  readonly remove: (tagId: number) => Promise<unknown>;
}

/** A record's tags as coloured chips, each removable, and the picker that adds one. */
export function TagChips({ recordName, tags, add, remove }: TagChipsProps) {
  const [failure, setFailure] = useState<string>();
  const removeTag = (tag: AppliedTag): void => {
    setFailure(undefined);
    remove(tag.id).catch((error: unknown) => setFailure(`${tag.name} was not removed: ${toError(error).message}`));
  };
  return (
    <div className="tag-area">
      {tags.length === 0 ? (
        <p className="muted">No tags yet.</p>
      ) : (
        <ul className="chips" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag.id} title={`Added ${describeSource({ sourceKind: tag.addedBy.kind, label: null })}, ${formatDateTime(tag.addedAt)}`}>
              <TagChip name={tag.name} color={tag.color} onRemove={() => removeTag(tag)} />
            </li>
          ))}
        </ul>
      )}
      {failure && (
        <p className="form-outcome danger" role="alert">
          {failure}
        </p>
      )}
      <TagPicker recordName={recordName} applied={tags.map((t) => t.id)} add={add} />
    </div>
  );
}
