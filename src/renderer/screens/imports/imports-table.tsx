import { Fragment } from 'react';
import type { ImportSummary } from '../../../shared/contract/schemas/imports';
import { ConfirmAction } from '../../components/confirm-action';
import { call } from '../../lib/call';
import { formatDate, formatDateTime } from '../../lib/format-time';
import { RejectedRows } from './rejected-rows';

interface ImportsTableProps {
  readonly imports: readonly ImportSummary[];
  /** Records the import an undo returns, so its row changes at once. */
  readonly onUndone: (summary: ImportSummary) => void;
}

/** Staged, inserted, merged, duplicate and rejected rows, in column order. */
const counts = (item: ImportSummary): readonly number[] => [item.rowsStaged, item.inserted, item.merged, item.duplicate, item.rejected];

const COUNT_COLUMNS = 5;
const COLUMNS = COUNT_COLUMNS + 4;

// Rows are counted while staging, so progress is only known once importing starts.
function ImportProgress({ item }: { readonly item: ImportSummary }) {
  const label = `Progress of ${item.fileName}`;
  if (item.status === 'ingesting' || item.rowsStaged === 0) return <progress aria-label={label} />;
  const processed = item.inserted + item.merged + item.duplicate + item.rejected;
  return <progress aria-label={label} max={item.rowsStaged} value={processed} />;
}

function StatusCell({ item }: { readonly item: ImportSummary }) {
  const running = item.status === 'ingesting' || item.status === 'importing';
  return (
    <td title={item.error ?? undefined}>
      <span className="status">
        {item.status}
        {running && <ImportProgress item={item} />}
      </span>
    </td>
  );
}

function UndoImport({ item, onUndone }: { readonly item: ImportSummary; readonly onUndone: ImportsTableProps['onUndone'] }) {
  return (
    <ConfirmAction
      label="Undo import"
      confirmLabel="Confirm undo"
      groupLabel={`Confirm undo of ${item.fileName}`}
      warning="Leads this import created are removed, and the leads it merged into go back to how they were."
      failure="The import was not undone"
      run={() => call('imports.undo', { id: item.id }).then(onUndone)}
    />
  );
}

/** Every import, newest first, with its counts, its progress while it runs, undo once done, and its rejected rows. */
export function ImportsTable({ imports, onUndone }: ImportsTableProps) {
  return (
    <div className="table-frame">
      <table className="data-table imports-table" aria-label="Imports">
        <colgroup>
          <col className="col-file" />
          <col className="col-status" />
          <col className="col-count" span={COUNT_COLUMNS} />
          <col className="col-started" />
          <col className="col-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col" className="number">Staged</th>
            <th scope="col" className="number">Inserted</th>
            <th scope="col" className="number">Merged</th>
            <th scope="col" className="number">Duplicates</th>
            <th scope="col" className="number">Rejected</th>
            <th scope="col">Started</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {imports.map((item) => (
            <Fragment key={item.id}>
              <tr>
                <td className="strong" title={item.fileName}>
                  {item.fileName}
                </td>
                <StatusCell item={item} />
                {counts(item).map((count, i) => (
                  <td key={i} className="number">
                    {count}
                  </td>
                ))}
                <td className="nowrap">
                  <time dateTime={item.createdAt} title={formatDateTime(item.createdAt)}>
                    {formatDate(item.createdAt)}
                  </time>
                </td>
                <td className="actions-cell">{item.status === 'done' && <UndoImport item={item} onUndone={onUndone} />}</td>
              </tr>
              {item.rejected > 0 && (
                <tr className="detail-row">
                  <td colSpan={COLUMNS}>
                    <RejectedRows id={item.id} rejected={item.rejected} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
