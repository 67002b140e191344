import type { CSSProperties } from 'react';

interface TagChipProps {
  readonly name: string;
  readonly color: string;
  /** When given, the chip has a button that removes it. */
  readonly onRemove?: () => void;
}

/** A tag as a small coloured pill. */
export function TagChip({ name, color, onRemove }: TagChipProps) {
  return (
    <span className="tag-chip" style={{ '--tag-color': color } as CSSProperties}>
      {name}
      {onRemove && (
        <button type="button" className="chip-remove" aria-label={`Remove ${name}`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}
