import type { LeadSummary } from '../../../shared/contract/schemas/leads';
import { formatDate, formatDateTime } from '../../lib/format-time';

interface LeadsTableProps {
  readonly leads: readonly LeadSummary[];
  /** True while the next page loads, so the rows on screen are about to change. */
  readonly busy: boolean;
}

const fullName = (lead: LeadSummary): string => [lead.firstName, lead.lastName].filter(Boolean).join(' ');

// The title repeats the value so a cell cut short by its ellipsis can still be read on hover.
const TextCell = ({ value, className }: { readonly value: string | null; readonly className?: string }) => (
  <td className={className} title={value ?? undefined}>
    {value}
  </td>
);

/** One page of leads as a table. */
export function LeadsTable({ leads, busy }: LeadsTableProps) {
  return (
    <div className="table-frame">
      <table className="data-table" aria-label="Leads" aria-busy={busy}>
        <colgroup>
          <col className="col-name" />
          <col className="col-title" />
          <col className="col-email" />
          <col className="col-company" />
          <col className="col-country" />
          <col className="col-added" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Title</th>
            <th scope="col">Email</th>
            <th scope="col">Company</th>
            <th scope="col">Country</th>
            <th scope="col">Added</th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <tr key={lead.id}>
              <TextCell value={fullName(lead)} className="strong" />
              <TextCell value={lead.jobTitle} />
              <TextCell value={lead.email} />
              <TextCell value={lead.companyName} />
              <TextCell value={lead.country} />
              <td className="nowrap">
                <time dateTime={lead.createdAt} title={formatDateTime(lead.createdAt)}>
                  {formatDate(lead.createdAt)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
