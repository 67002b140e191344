import type { ReactNode } from 'react';

interface DetailsListProps {
  /** Label and value pairs, in display order. */
  readonly items: readonly (readonly [string, ReactNode])[];
}

/** Read-only facts as a description list. */
export function DetailsList({ items }: DetailsListProps) {
  return (
    <dl className="details">
      {items.map(([label, value]) => (
        <div key={label} className="details-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
