import { useId } from 'react';
import type { Tag } from '../../../shared/contract/schemas/tags';
import { TagChip } from '../tag-chip';

interface TagPickerProps {
  /** "Tags include", "Tags exclude". */
  readonly label: string;
  readonly tags: readonly Tag[];
  readonly value: readonly number[] | undefined;
  readonly onChange: (ids: number[] | undefined) => void;
}

/** Picks tags one at a time from a select; the picked ones show as removable chips. */
export function TagPicker({ label, tags, value = [], onChange }: TagPickerProps) {
  const id = useId();
  const picked = value.map((tagId) => tags.find((t) => t.id === tagId) ?? { id: tagId, name: `#${tagId}`, color: '#888888' });
  const remove = (tagId: number): void => {
    const next = value.filter((v) => v !== tagId);
    onChange(next.length > 0 ? next : undefined);
  };
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value="" onChange={(e) => e.target.value && onChange([...value, Number(e.target.value)])}>
        <option value="">Add a tag…</option>
        {tags
          .filter((t) => !value.includes(t.id))
          .map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
      </select>
      {picked.length > 0 && (
        <div className="chip-row">
          {picked.map((t) => (
            <TagChip key={t.id} name={t.name} color={t.color} onRemove={() => remove(t.id)} />
          ))}
        </div>
      )}
    </div>
  );
}
