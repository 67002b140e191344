import type { WaitingItem } from '../../../shared/contract/schemas/outbox';
import { formatDateTime } from '../../lib/format-time';
import { reasonWords } from './reason-words';

const kindWords: Readonly<Record<WaitingItem['kind'], string>> = {
  outreach: 'Outreach',
  enrichment: 'Enrichment',
  job: 'Scrape',
  inbox_check: 'Inbox check',
  connection_check: 'Connection check',
};

/** Waiting items: what, which profile, why it waits and when it should run. */
export function WaitingTable({ items }: { readonly items: readonly WaitingItem[] }) {
  if (items.length === 0) return <p className="muted">Nothing is waiting.</p>;
  return (
    <div className="table-frame">
      <table className="data-table waiting-table" aria-label="Waiting items">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Profile</th>
            <th scope="col">Why it waits</th>
            <th scope="col">Expected</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.kind}:${item.id}`} data-reason={item.reason}>
              <td>
                <span className="muted">{kindWords[item.kind]} </span>
                {item.label}
              </td>
              <td>{item.profileName ?? <span className="muted">none</span>}</td>
              <td>
                {reasonWords[item.reason]}
                {item.detail && <span className="muted"> · {item.detail}</span>}
              </td>
              <td>{item.expectedAt ? formatDateTime(item.expectedAt) : <span className="muted">when resolved</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
