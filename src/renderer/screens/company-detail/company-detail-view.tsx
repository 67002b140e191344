import { useState } from 'react';
import type { CompanyDetail, CompanyUpdateInput } from '../../../shared/contract/schemas/company-detail';
import { AsyncView } from '../../components/async-view';
import { call } from '../../lib/call';
import { CustomValues } from '../lead-detail/custom-values';
import { DetailSection } from '../lead-detail/detail-section';
import { fieldLabelFor } from '../lead-detail/field-label';
import { HistoryList } from '../lead-detail/history-list';
import { RecordEditForm } from '../lead-detail/record-edit-form';
import { RecordFields } from '../lead-detail/record-fields';
import { TagChips } from '../lead-detail/tag-chips';
import { useLiveRecord } from '../lead-detail/use-live-record';
import { CompanyLeads } from './company-leads';
import { companyFieldGroups, companyName } from './company-fields';

interface CompanyDetailViewProps {
  readonly companyId: number;
  readonly onClose: () => void;
  readonly onOpenLead: ((leadId: number) => void) | undefined;
}

function CompanyBody({ company, reload, onClose, onOpenLead }: Omit<CompanyDetailViewProps, 'companyId'> & { readonly company: CompanyDetail; readonly reload: () => void }) {
  const [editing, setEditing] = useState(false);
  const name = companyName(company);
  const update = (input: Omit<CompanyUpdateInput, 'id'>) => call('companies.update', { id: company.id, ...input }).then(reload);
  const tagInput = (tagId: number) => ({ companyIds: [company.id], tagIds: [tagId] });

  return (
    <>
      <header className="detail-header">
        <div className="detail-title">
          <h2>{name}</h2>
          <p className="muted">{[company.industry, company.domain].filter(Boolean).join(' · ')}</p>
        </div>
        <div className="button-row">
          {!editing && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      {editing ? (
        <RecordEditForm
          idPrefix={`company-${company.id}`}
          groups={companyFieldGroups}
          record={company}
          // Counts come out of the form as numbers and every other field as text, as companies.update takes them.
          save={(changes) => update(changes as Omit<CompanyUpdateInput, 'id'>)}
          onDone={() => setEditing(false)}
        />
      ) : (
        <RecordFields groups={companyFieldGroups} record={company} provenance={company.provenance} />
      )}
      <DetailSection title="Leads">
        <CompanyLeads leads={company.leads} leadCount={company.leadCount} onOpenLead={onOpenLead} />
      </DetailSection>
      <DetailSection title="Tags">
        <TagChips
          recordName={name}
          tags={company.tags}
          add={(tagId) => call('companies.addTags', tagInput(tagId)).then(reload)}
          remove={(tagId) => call('companies.removeTags', tagInput(tagId)).then(reload)}
        />
      </DetailSection>
      <DetailSection title="Custom fields">
        <CustomValues targetKind="company" values={company.customValues} save={(custom) => update({ custom })} />
      </DetailSection>
      <DetailSection title="History">
        <HistoryList entries={company.history} fieldLabel={fieldLabelFor(company.customValues)} onUndone={reload} />
      </DetailSection>
    </>
  );
}

/** Loads one company, keeps it current, and shows all of it. */
export function CompanyDetailView({ companyId, ...rest }: CompanyDetailViewProps) {
  const company = useLiveRecord(() => call('companies.get', { id: companyId }), companyId);
  return (
    <AsyncView state={company} what="the company">
      {(data) => <CompanyBody {...rest} company={data} reload={company.reload} />}
    </AsyncView>
  );
}
