import type { Source, SourceType } from '../../../shared/contract/schemas/sources';
import { ConfirmAction } from '../../components/confirm-action';
import { TagChip } from '../../components/tag-chip';
import { call } from '../../lib/call';
import { formatDateTime } from '../../lib/format-time';

interface SourcesTableProps {
  readonly sources: readonly Source[];
  readonly types: readonly SourceType[];
  readonly onEdit: (source: Source) => void;
  readonly onJobs: (source: Source) => void;
  readonly onDeleted: () => void;
}

const every = (seconds: number): string => (seconds % 86_400 === 0 ? `${seconds / 86_400} d` : `${Math.round((seconds / 3_600) * 10) / 10} h`);

/** Sources with their URLs, cadence, limits and what they found so far. */
export function SourcesTable({ sources, types, onEdit, onJobs, onDeleted }: SourcesTableProps) {
  return (
    <table className="data-table sources-table">
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">URLs</th>
          <th scope="col">Every</th>
          <th scope="col">Limits</th>
          <th scope="col">Jobs</th>
          <th scope="col">Events</th>
          <th scope="col">Last job</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => (
          <tr key={s.id} data-source-id={s.id}>
            <td>
              <span className="strong">{s.name}</span>
              <p className="muted">
                {types.find((t) => t.code === s.typeCode)?.name ?? s.typeCode}
                {s.active ? '' : ' · inactive'}
              </p>
              {s.tag && <TagChip name={s.tag.name} color={s.tag.color} />}
            </td>
            <td>
              <ul className="source-urls">
                {s.urls.map((u) => (
                  <li key={u.id} title={u.url}>
                    {u.url}
                  </li>
                ))}
              </ul>
            </td>
            <td>{every(s.cadenceSeconds)}</td>
            <td>
              {s.maxJobs ?? '—'} pages · {s.eventLimit ?? '—'} events
            </td>
            <td>{s.jobs}</td>
            <td>{s.events}</td>
            <td>{s.lastJobAt ? formatDateTime(s.lastJobAt) : <span className="muted">never</span>}</td>
            <td className="actions-cell">
              <div className="button-row">
                <button type="button" className="button" onClick={() => onJobs(s)} aria-label={`Jobs of ${s.name}`}>
                  Jobs
                </button>
                <button type="button" className="button" onClick={() => onEdit(s)} aria-label={`Edit ${s.name}`}>
                  Edit
                </button>
                <ConfirmAction
                  label="Delete"
                  confirmLabel="Confirm delete"
                  groupLabel={`Confirm deleting source ${s.name}`}
                  warning={`${s.name} stops; its waiting jobs are canceled (found events and leads stay).`}
                  failure="The source was not deleted"
                  run={() => call('sources.delete', { id: s.id }).then(onDeleted)}
                />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
