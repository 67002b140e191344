import { useEffect } from 'react';
import { leadFilter, leadSort } from '../../../shared/contract/schemas/lead-filter';
import { EmptyState } from '../../components/empty-state';
import { ListWorkspace } from '../../components/list-workspace';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { compactFilter } from '../../lib/list-hash';
import { useAsync } from '../../lib/use-async';
import { useListRows } from '../../lib/use-list-rows';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { useViewHash } from '../../lib/use-view-hash';
import { useLeadList } from '../../stores/lead-list-store';
import { followTags, useTags } from '../../stores/tags-store';
import { LeadDetailPane } from '../lead-detail/lead-detail-pane';
import { BulkBar } from './bulk-bar';
import { leadColumns } from './lead-columns';
import { LeadFilterBar } from './lead-filter-bar';

const countLabel = (total: number): string => `${total.toLocaleString()} ${total === 1 ? 'lead' : 'leads'}`;

const LIVE_EVENTS = ['leads.changed', 'tags.changed'] as const;

/** The Leads area: every lead matching the filters in a table that loads as it scrolls, bulk actions, and a lead's detail. */
export function LeadsScreen() {
  useViewHash('leads', useLeadList, leadFilter, leadSort);
  useEffect(followTags, []);
  const { filter, sort, selectedId, setSort, select } = useLeadList();
  const tags = useTags((s) => s.data) ?? [];
  const imports = useAsync(() => call('imports.list', {}), []).data?.items ?? [];
  const rows = useListRows(
    { filter, sort },
    (input) => call('leads.list', input),
    (input) => call('leads.count', input),
  );
  useLiveRefresh(LIVE_EVENTS, rows.refresh);
  const filtered = Object.keys(compactFilter(filter)).length > 0;

  return (
    <Screen title="Leads">
      <LeadFilterBar tags={tags} imports={imports} />
      <ListWorkspace
        label="Leads"
        countLabel={countLabel}
        rows={rows}
        columns={leadColumns}
        sort={sort}
        onSort={setSort}
        selectedId={selectedId}
        onSelect={select}
        actions={<BulkBar filter={filter} total={rows.list.total ?? 0} tags={tags} />}
        pane={selectedId !== null && <LeadDetailPane key={selectedId} leadId={selectedId} onClose={() => select(null)} />}
        empty={
          filtered ? (
            <EmptyState title="No lead matches these filters">
              <p>Loosen or clear the filters to see more leads.</p>
            </EmptyState>
          ) : (
            <EmptyState title="No leads yet">
              <p>Leads arrive from imports (CSV files such as Apollo or Sales Navigator exports) and from sources; this list fills up as soon as either brings leads in.</p>
            </EmptyState>
          )
        }
      />
    </Screen>
  );
}
