import { CompanyDetailView } from './company-detail-view';

interface CompanyDetailPaneProps {
  readonly companyId: number;
  readonly onClose: () => void;
  /** Opens one of the company's leads; without it the lead names are plain text. */
  readonly onOpenLead?: (leadId: number) => void;
}

/** One company in full beside the list: fields with provenance, edit, its leads, tags, custom values and history. */
export function CompanyDetailPane({ companyId, onClose, onOpenLead }: CompanyDetailPaneProps) {
  return (
    <aside className="detail-pane" aria-label="Company detail">
      <CompanyDetailView key={companyId} companyId={companyId} onClose={onClose} onOpenLead={onOpenLead} />
    </aside>
  );
}
