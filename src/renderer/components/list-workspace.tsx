import { useCallback, type ReactNode } from 'react';
import type { KeysetListState } from '../lib/use-keyset-list';
import { VirtualTable, type Column, type TableSort } from './virtual-table';

interface ListWorkspaceProps<T extends { id: number }, F extends string> {
  /** The table's name ("Leads"). */
  readonly label: string;
  /** Counts rows: `(n) => "3 leads"`. */
  readonly countLabel: (n: number) => string;
  readonly rows: KeysetListState<T>;
  readonly columns: readonly Column<T, F>[];
  readonly sort: TableSort<F>;
  readonly onSort: (sort: TableSort<F>) => void;
  readonly selectedId: number | null;
  readonly onSelect: (id: number | null) => void;
  /** Shown beside the count (the bulk actions). */
  readonly actions?: ReactNode;
  /** The detail pane of the selected row. */
  readonly pane: ReactNode;
  /** Shown instead of the table when nothing matches. */
  readonly empty: ReactNode;
}

/** The count, the virtualised table that loads as it scrolls, and the detail pane of the row picked. */
export function ListWorkspace<T extends { id: number }, F extends string>(props: ListWorkspaceProps<T, F>) {
  const { label, countLabel, rows, columns, sort, onSort, selectedId, onSelect, actions, pane, empty } = props;
  const { list, loading, error, loadMore, refresh } = rows;
  const open = useCallback((row: T) => onSelect(row.id), [onSelect]);
  const loaded = list.total !== undefined;
  return (
    <>
      <div className="toolbar">
        <p className="count" role="status">
          {loaded ? countLabel(list.total ?? 0) : `Loading ${label.toLowerCase()}…`}
        </p>
        {actions}
      </div>
      {error && (
        <div className="notice notice-error" role="alert">
          <p>
            Could not load {label.toLowerCase()}: {error.message}
          </p>
          <button type="button" className="button" onClick={list.items.length > 0 ? loadMore : refresh} disabled={loading}>
            Try again
          </button>
        </div>
      )}
      <div className={selectedId === null ? 'list-layout' : 'list-layout with-pane'}>
        {loaded && list.total === 0 ? (
          empty
        ) : (
          <VirtualTable
            label={label}
            listKey={list.key}
            rows={list.items}
            total={list.total}
            columns={columns}
            sort={sort}
            onSort={onSort}
            selectedId={selectedId}
            onOpen={open}
            onNearEnd={loadMore}
            busy={loading}
          />
        )}
        {selectedId !== null && pane}
      </div>
    </>
  );
}
