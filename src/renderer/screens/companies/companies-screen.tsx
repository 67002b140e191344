import { useEffect } from 'react';
import { companyFilter, companySort } from '../../../shared/contract/schemas/lead-filter';
import { EmptyState } from '../../components/empty-state';
import { ListWorkspace } from '../../components/list-workspace';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { compactFilter } from '../../lib/list-hash';
import { useListRows } from '../../lib/use-list-rows';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { useViewHash } from '../../lib/use-view-hash';
import { useCompanyList } from '../../stores/company-list-store';
import { followTags, useTags } from '../../stores/tags-store';
import { CompanyDetailPane } from '../company-detail/company-detail-pane';
import { companyColumns } from './company-columns';
import { CompanyFilterBar } from './company-filter-bar';
import { openCompanyLead } from './open-company-lead';

const countLabel = (total: number): string => `${total.toLocaleString()} ${total === 1 ? 'company' : 'companies'}`;

// Lead changes move lead counts and may bring new companies.
const LIVE_EVENTS = ['leads.changed', 'tags.changed'] as const;

/** The Companies area: every company matching the filters, with its lead count, in a table that loads as it scrolls. */
export function CompaniesScreen() {
  useViewHash('companies', useCompanyList, companyFilter, companySort);
  useEffect(followTags, []);
  const { filter, sort, selectedId, setSort, select } = useCompanyList();
  const tags = useTags((s) => s.data) ?? [];
  const rows = useListRows(
    { filter, sort },
    (input) => call('companies.list', input),
    (input) => call('companies.count', input),
  );
  useLiveRefresh(LIVE_EVENTS, rows.refresh);
  const filtered = Object.keys(compactFilter(filter)).length > 0;

  return (
    <Screen title="Companies">
      <CompanyFilterBar tags={tags} />
      <ListWorkspace
        label="Companies"
        countLabel={countLabel}
        rows={rows}
        columns={companyColumns}
        sort={sort}
        onSort={setSort}
        selectedId={selectedId}
        onSelect={select}
        pane={selectedId !== null && (
            <CompanyDetailPane key={selectedId} companyId={selectedId} onClose={() => select(null)} onOpenLead={(leadId) => openCompanyLead(selectedId, leadId)} />
          )}
        empty={
          <EmptyState title={filtered ? 'No company matches these filters' : 'No companies yet'}>
            <p>
              {filtered
                ? 'Loosen or clear the filters to see more companies.'
                : 'Companies arrive with the leads that work at them, from imports and sources, matched by domain, LinkedIn or Facebook so each appears once.'}
            </p>
          </EmptyState>
        }
      />
    </Screen>
  );
}
