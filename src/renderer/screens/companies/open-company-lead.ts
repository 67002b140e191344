import { hrefOf } from '../../routing/areas';
import { useLeadList } from '../../stores/lead-list-store';

/** Switches to Leads showing the company's leads, with this one's detail open. */
export function openCompanyLead(companyId: number, leadId: number): void {
  const leads = useLeadList.getState();
  leads.setView({ filter: { companyId } });
  leads.select(leadId);
  window.location.hash = hrefOf('leads');
}
