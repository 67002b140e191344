import { useState } from 'react';
import { CompanyDetailPane } from '../company-detail/company-detail-pane';
import { LeadDetailView } from './lead-detail-view';

interface LeadDetailPaneProps {
  readonly leadId: number;
  readonly onClose: () => void;
}

type Shown = { readonly kind: 'lead'; readonly id: number } | { readonly kind: 'company'; readonly id: number; readonly fromLead: number };

function DetailStack({ leadId, onClose }: LeadDetailPaneProps) {
  const [shown, setShown] = useState<Shown>({ kind: 'lead', id: leadId });
  if (shown.kind === 'company') {
    return (
      <CompanyDetailPane
        companyId={shown.id}
        onClose={() => setShown({ kind: 'lead', id: shown.fromLead })}
        onOpenLead={(id) => setShown({ kind: 'lead', id })}
      />
    );
  }
  return (
    <aside className="detail-pane" aria-label="Lead detail">
      <LeadDetailView key={shown.id} leadId={shown.id} onClose={onClose} onOpenCompany={(id) => setShown({ kind: 'company', id, fromLead: shown.id })} />
    </aside>
  );
}

/** One lead in full beside the list: fields with provenance, edit, tags, custom values, reminders, history and activity; its company opens in place. */
export function LeadDetailPane({ leadId, onClose }: LeadDetailPaneProps) {
  // A new lead starts a fresh stack, so a company opened from the previous lead does not linger.
  return <DetailStack key={leadId} leadId={leadId} onClose={onClose} />;
}
