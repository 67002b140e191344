import { AsyncView } from '../../components/async-view';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { Screen } from '../../components/screen';
import { ImportsTable } from './imports-table';
import { NewImport } from './new-import';
import { useImports } from './use-imports';

/** The Imports area: a new import from a CSV file, and every import so far with its outcome. */
export function ImportsScreen() {
  const { imports, record } = useImports();
  return (
    <Screen title="Imports">
      <Panel title="New import">
        <NewImport onStarted={record} />
      </Panel>
      <AsyncView state={imports} what="imports">
        {(items) =>
          items.length === 0 ? (
            <EmptyState title="No imports yet">
              <p>Choose a CSV file above (an Apollo or Sales Navigator export, or any spreadsheet saved as CSV) to bring its leads in.</p>
            </EmptyState>
          ) : (
            <ImportsTable imports={items} onUndone={record} />
          )
        }
      </AsyncView>
    </Screen>
  );
}
