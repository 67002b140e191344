import { useState } from 'react';
import type { LeadDetail, LeadUpdateInput } from '../../../shared/contract/schemas/lead-detail';
import { AsyncView } from '../../components/async-view';
import { ConfirmAction } from '../../components/confirm-action';
import { call } from '../../lib/call';
import { companyName } from '../company-detail/company-fields';
import { ActivityList } from './activity-list';
import { LeadComposer } from './composer/lead-composer';
import { CustomValues } from './custom-values';
import { DetailSection } from './detail-section';
import { fieldLabelFor } from './field-label';
import { HistoryList } from './history-list';
import { leadFieldGroups, leadName } from './lead-fields';
import { ProvenanceNote } from './provenance-note';
import { RecordEditForm } from './record-edit-form';
import { RecordFields } from './record-fields';
import { RemindersSection } from './reminders-section';
import { TagChips } from './tag-chips';
import { useLiveRecord } from './use-live-record';

interface LeadDetailViewProps {
  readonly leadId: number;
  readonly onClose: () => void;
  readonly onOpenCompany: (companyId: number) => void;
}

interface LeadBodyProps extends LeadDetailViewProps {
  readonly lead: LeadDetail;
  readonly reload: () => void;
}

// History stores the company as its id; the lead's current company is named, an earlier one numbered.
const companyValueLabel =
  (company: LeadDetail['company']) =>
  (field: string, value: unknown): string | undefined => {
    if (field !== 'companyId' || typeof value !== 'number') return undefined;
    return company?.id === value ? companyName(company) : `company ${value}`;
  };

function CompanyLink({ company, onOpen }: { readonly company: NonNullable<LeadDetail['company']>; readonly onOpen: (id: number) => void }) {
  return (
    <button type="button" className="link-button" onClick={() => onOpen(company.id)}>
      {companyName(company)}
    </button>
  );
}

function LeadHeader({ lead, onClose, onOpenCompany, onEdit }: Omit<LeadBodyProps, 'reload' | 'leadId'> & { readonly onEdit: (() => void) | undefined }) {
  return (
    <header className="detail-header">
      <div className="detail-title">
        <h2>{leadName(lead)}</h2>
        <p className="muted">
          {lead.jobTitle}
          {lead.jobTitle && lead.company && ' at '}
          {lead.company && <CompanyLink company={lead.company} onOpen={onOpenCompany} />}
        </p>
      </div>
      <div className="button-row">
        {onEdit && (
          <button type="button" className="button" onClick={onEdit}>
            Edit
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </header>
  );
}

function LeadBody({ lead, reload, onClose, onOpenCompany }: LeadBodyProps) {
  const [editing, setEditing] = useState(false);
  const name = leadName(lead);
  const update = (input: Omit<LeadUpdateInput, 'id'>) => call('leads.update', { id: lead.id, ...input }).then(reload);
  const tagInput = (tagId: number) => ({ leadIds: [lead.id], tagIds: [tagId] });

  return (
    <>
      <LeadHeader lead={lead} onClose={onClose} onOpenCompany={onOpenCompany} onEdit={editing ? undefined : () => setEditing(true)} />
      {editing ? (
        <RecordEditForm
          idPrefix={`lead-${lead.id}`}
          groups={leadFieldGroups}
          record={lead}
          // Lead fields are all text, so the form's values are strings or null.
          save={(changes) => update(changes as Omit<LeadUpdateInput, 'id'>)}
          onDone={() => setEditing(false)}
        />
      ) : (
        <>
          <RecordFields groups={leadFieldGroups} record={lead} provenance={lead.provenance} />
          <section className="detail-group" aria-label="Company">
            <h3>Company</h3>
            {lead.company ? (
              <p>
                {companyName(lead.company)}
                {lead.company.domain && <span className="muted"> · {lead.company.domain}</span>}
                <ProvenanceNote entry={lead.provenance.companyId} />
              </p>
            ) : (
              <p className="muted">No company.</p>
            )}
          </section>
        </>
      )}
      <DetailSection title="Tags">
        <TagChips
          recordName={name}
          tags={lead.tags}
          add={(tagId) => call('leads.addTags', tagInput(tagId)).then(reload)}
          remove={(tagId) => call('leads.removeTags', tagInput(tagId)).then(reload)}
        />
      </DetailSection>
      <DetailSection title="Custom fields">
        <CustomValues targetKind="lead" values={lead.customValues} save={(custom) => update({ custom })} />
      </DetailSection>
      <DetailSection title="Reminders">
        <RemindersSection leadId={lead.id} reminders={lead.reminders} onChanged={reload} />
      </DetailSection>
      <DetailSection title="Email">
        <LeadComposer leadId={lead.id} />
      </DetailSection>
      <DetailSection title="History">
        <HistoryList entries={lead.history} fieldLabel={fieldLabelFor(lead.customValues)} valueLabel={companyValueLabel(lead.company)} onUndone={reload} />
      </DetailSection>
      <DetailSection title="Activity">
        <ActivityList activity={lead.activity} />
      </DetailSection>
      <ConfirmAction
        label="Delete lead"
        confirmLabel="Confirm delete"
        groupLabel={`Confirm deleting ${name}`}
        warning="The lead leaves every list. The change is kept in the journal, so it can be undone."
        failure="The lead was not deleted"
        run={() => call('leads.delete', { id: lead.id }).then(onClose)}
      />
    </>
  );
}

/** Loads one lead, keeps it current, and shows all of it. */
export function LeadDetailView(props: LeadDetailViewProps) {
  const lead = useLiveRecord(() => call('leads.get', { id: props.leadId }), props.leadId);
  return (
    <AsyncView state={lead} what="the lead">
      {(data) => <LeadBody {...props} lead={data} reload={lead.reload} />}
    </AsyncView>
  );
}
