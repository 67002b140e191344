import { useState } from 'react';
import { AsyncView } from '../../components/async-view';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';

/** The most rejected rows one disclosure lists (the method's own limit). */
const ROW_LIMIT = 500;

interface RejectedRowsProps {
  readonly id: number;
  /** The import's rejected count, so the list loads again while an import is still rejecting rows. */
  readonly rejected: number;
}

function RejectedRowsList({ id, rejected }: RejectedRowsProps) {
  const rows = useAsync(() => call('imports.rows', { id, outcome: 'rejected', limit: ROW_LIMIT }), [id, rejected]);
  return (
    <AsyncView state={rows} what="the rejected rows">
      {(data) => (
        <>
          <ul className="rejected-rows">
            {data.items.map((row) => (
              <li key={row.line}>
                {/* The server's reason already starts with "line N:". */}
                {row.reason ?? `line ${row.line}`}
              </li>
            ))}
          </ul>
          {rejected > data.items.length && <p className="muted">Showing the first {data.items.length} of {rejected}.</p>}
        </>
      )}
    </AsyncView>
  );
}

/** A "Rejected rows" disclosure that loads the rows, with their line and reason, when opened, and a download of them all as CSV. */
export function RejectedRows({ id, rejected }: RejectedRowsProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="rejected">
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Rejected rows</summary>
        {open && <RejectedRowsList id={id} rejected={rejected} />}
      </details>
      {/* A plain link: the session cookie authorises it and the core names the file. */}
      <a className="button button-small" href={`/api/v1/imports/${id}/rejected.csv`} download>
        Download rejected rows (CSV)
      </a>
    </div>
  );
}
