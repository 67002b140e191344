import type { z } from 'zod';
import type { companyLead } from '../../../shared/contract/schemas/company-detail';
import { leadName } from '../lead-detail/lead-fields';

interface CompanyLeadsProps {
  readonly leads: readonly z.infer<typeof companyLead>[];
  readonly leadCount: number;
  /** Opens a lead; without it the names are plain text. */
  readonly onOpenLead: ((leadId: number) => void) | undefined;
}

/** How many leads work at the company, and the first of them. */
export function CompanyLeads({ leads, leadCount, onOpenLead }: CompanyLeadsProps) {
  if (leadCount === 0) return <p className="muted">No leads at this company.</p>;
  return (
    <>
      <p className="muted">
        {leadCount} {leadCount === 1 ? 'lead' : 'leads'}
        {leadCount > leads.length && `; the ${leads.length} newest:`}
      </p>
      <ul className="company-leads" aria-label="Leads at this company">
        {leads.map((lead) => {
          const name = leadName({ ...lead, middleName: null });
          return (
            <li key={lead.id}>
              {onOpenLead ? (
                <button type="button" className="link-button" onClick={() => onOpenLead(lead.id)}>
                  {name}
                </button>
              ) : (
                name
              )}
              {lead.jobTitle && <span className="muted"> · {lead.jobTitle}</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
