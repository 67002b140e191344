import type { InboxLeadEntry } from '../../../shared/contract/schemas/inbox';
import { formatDateTime } from '../../lib/format-time';
import { kindLabels } from './inbox-words';

interface InboxTableProps {
  readonly entries: readonly InboxLeadEntry[];
  readonly selected: number | null;
  readonly onSelect: (leadId: number) => void;
}

/** Leads with incoming messages, newest first: who, what kind, the latest subject and when. */
export function InboxTable({ entries, selected, onSelect }: InboxTableProps) {
  if (entries.length === 0) return <p className="muted">No incoming messages yet. Inbox checks of your mailbox profiles fill this list.</p>;
  return (
    <div className="table-frame">
      <table className="data-table inbox-table" aria-label="Incoming messages by lead">
        <thead>
          <tr>
            <th scope="col">Lead</th>
            <th scope="col">Kind</th>
            <th scope="col">Latest message</th>
            <th scope="col">Received</th>
            <th scope="col" className="number">
              Messages
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.leadId} aria-selected={entry.leadId === selected}>
              <td>
                <button type="button" className="inbox-lead" onClick={() => onSelect(entry.leadId)}>
                  {entry.leadLabel ?? entry.leadEmail ?? `Lead ${entry.leadId}`}
                </button>
              </td>
              <td>
                <span className={`inbox-kind inbox-kind-${entry.latest.kind ?? 'none'}`}>{entry.latest.kind ? kindLabels[entry.latest.kind] : '—'}</span>
              </td>
              <td>{entry.latest.subject ?? '(no subject)'}</td>
              <td>{formatDateTime(entry.latest.occurredAt ?? entry.latest.createdAt)}</td>
              <td className="number">{entry.messages}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
