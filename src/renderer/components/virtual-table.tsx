import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** Every row is this tall (px), so the table can place any row without measuring it. */
export const ROW_HEIGHT = 37;

const HEADER_HEIGHT = 37;

/** When fewer loaded rows than this remain below the last one drawn, the next page is asked for. */
const LOAD_AHEAD = 40;

/** A sort as the list methods take it. */
export interface TableSort<F extends string> {
  readonly field: F;
  readonly direction: 'asc' | 'desc';
}

/** One column: its heading, its width, how a row shows in it and, when it sorts, the sort field. */
export interface Column<T, F extends string> {
  readonly id: string;
  readonly label: string;
  /** A CSS width ("18%", "120px"). */
  readonly width: string;
  readonly cell: (row: T) => ReactNode;
  /** The full text of the cell, shown on hover when an ellipsis cuts it short. */
  readonly title?: (row: T) => string | null;
  readonly sortField?: F;
  /** The direction a first click sorts in; dates and counts read best newest / largest first. */
  readonly firstDirection?: 'asc' | 'desc';
  readonly className?: string;
}

interface VirtualTableProps<T extends { id: number }, F extends string> {
  /** The accessible name of the table ("Leads"). */
  readonly label: string;
  /** Changes when the rows become a different list (a new filter or sort): the table then scrolls back to the top. */
  readonly listKey: string;
  readonly rows: readonly T[];
  /** How many rows match in all, loaded or not. */
  readonly total: number | undefined;
  readonly columns: readonly Column<T, F>[];
  readonly sort: TableSort<F>;
  readonly onSort: (sort: TableSort<F>) => void;
  /** The row whose detail is open. */
  readonly selectedId: number | null;
  readonly onOpen: (row: T) => void;
  /** Asks for more rows; called again as scrolling goes on, so it must ignore calls while a page loads. */
  readonly onNearEnd: () => void;
  readonly busy: boolean;
}

const ariaSort = (sortField: string | undefined, sort: TableSort<string>): 'ascending' | 'descending' | 'none' | undefined => {
  if (!sortField) return undefined;
  if (sortField !== sort.field) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
};

const nextSort = <F extends string>(field: F, firstDirection: 'asc' | 'desc' | undefined, sort: TableSort<F>): TableSort<F> =>
  field === sort.field ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { field, direction: firstDirection ?? 'asc' };

interface RowProps<T> {
  readonly row: T;
  readonly index: number;
  readonly columns: readonly Column<T, string>[];
  readonly current: boolean;
  readonly active: boolean;
  readonly onClick: (index: number, row: T) => void;
}

// Memoised so a scroll step re-renders only the rows that come into view, not every row on screen.
const Row = memo(function Row<T>({ row, index, columns, current, active, onClick }: RowProps<T>) {
  return (
    <tr aria-rowindex={index + 2} aria-current={current ? true : undefined} className={active ? 'active-row' : undefined} style={{ height: ROW_HEIGHT }} onClick={() => onClick(index, row)}>
      {columns.map((c) => (
        <td key={c.id} className={c.className} title={c.title?.(row) ?? undefined}>
          {c.cell(row)}
        </td>
      ))}
    </tr>
  );
}) as <T>(props: RowProps<T>) => ReactNode;

/**
 * A table that draws only the rows in view (fixed row height, sticky header), so it scrolls as smoothly through a million
 * loaded rows as through fifty. Headers sort; rows open on click or Enter; arrow keys move between rows.
 */
export function VirtualTable<T extends { id: number }, F extends string>(props: VirtualTableProps<T, F>) {
  const { label, listKey, rows, total, columns, sort, onSort, selectedId, onOpen, onNearEnd, busy } = props;
  const frame = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => frame.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastDrawn = items.at(-1)?.index ?? -1;

  useEffect(() => {
    frame.current?.scrollTo({ top: 0 });
    setActive(-1);
  }, [listKey]);

  useEffect(() => {
    if (rows.length > 0 && lastDrawn >= rows.length - LOAD_AHEAD) onNearEnd();
  }, [lastDrawn, rows.length, onNearEnd]);

  const move = (index: number): void => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    setActive(clamped);
    virtualizer.scrollToIndex(clamped);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const page = Math.max(1, Math.floor((frame.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    const step = moves[event.key];
    const current = rows[active];
    if (step !== undefined) {
      event.preventDefault();
      move(active + step);
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      onOpen(current);
    }
  };

  const clickRow = useCallback(
    (index: number, row: T) => {
      setActive(index);
      onOpen(row);
    },
    [onOpen],
  );

  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={frame} className="table-frame virtual-frame" tabIndex={0} onKeyDown={onKeyDown} aria-label={`${label}, use arrow keys to move and Enter to open`}>
      <table className="data-table virtual-table" aria-label={label} aria-busy={busy} aria-rowcount={total === undefined ? undefined : total + 1}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.id} scope="col" aria-sort={ariaSort(c.sortField, sort)} className={c.className}>
                {c.sortField ? (
                  <button type="button" className="sort-button" onClick={() => c.sortField && onSort(nextSort(c.sortField, c.firstDirection, sort))}>
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">
                      {c.sortField === sort.field ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr className="spacer" style={{ height: before }} aria-hidden="true" />}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <Row key={row.id} row={row} index={item.index} columns={columns} current={row.id === selectedId} active={item.index === active} onClick={clickRow} />
            );
          })}
          {after > 0 && <tr className="spacer" style={{ height: after }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
