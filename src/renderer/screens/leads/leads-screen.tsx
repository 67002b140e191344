import { AsyncView } from '../../components/async-view';
import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';
import { LeadsPager } from './leads-pager';
import { LeadsTable } from './leads-table';
import { useLeadsPage } from './use-leads-page';

const countLabel = (total: number): string => `${total} ${total === 1 ? 'lead' : 'leads'}`;

/** The Leads area: every lead, newest first, one page at a time. */
export function LeadsScreen() {
  const { page, pageNumber, previous, next } = useLeadsPage();
  return (
    <Screen title="Leads">
      <AsyncView state={page} what="leads">
        {(data) =>
          data.total === 0 ? (
            <EmptyState title="No leads yet">
              <p>
                Leads will arrive from imports (CSV files and pasted lists) and from sources (saved searches that your profiles scrape). Both
                areas come in a later version of Outpost; this list fills up as soon as either brings leads in.
              </p>
            </EmptyState>
          ) : (
            <>
              <div className="toolbar">
                <p className="count" role="status">
                  {countLabel(data.total)}
                </p>
                <LeadsPager pageNumber={pageNumber} previous={previous} next={next} />
              </div>
              <LeadsTable leads={data.items} busy={page.loading} />
            </>
          )
        }
      </AsyncView>
    </Screen>
  );
}
