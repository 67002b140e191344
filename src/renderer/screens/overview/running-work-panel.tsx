import { AsyncView } from '../../components/async-view';
import { Panel } from '../../components/panel';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';

const RUNNING_IMPORT = new Set(['pending', 'ingesting', 'importing']);

/** Imports and bulk operations still running. */
async function loadRunning() {
  const [imports, bulk] = await Promise.all([call('imports.list', {}), call('bulk.list', {})]);
  return { imports: imports.items.filter((i) => RUNNING_IMPORT.has(i.status)), bulk: bulk.items.filter((b) => b.status === 'running' || b.status === 'pending') };
}

/** Long work in progress (imports, bulk actions) with progress bars, updated as progress events arrive. */
export function RunningWorkPanel() {
  const state = useAsync(loadRunning, []);
  useLiveRefresh(['imports.progress', 'bulk.progress'], state.reload, 500);
  return (
    <Panel title="Running">
      <AsyncView state={state} what="running work">
        {({ imports, bulk }) =>
          imports.length + bulk.length === 0 ? (
            <p className="muted">Nothing running. Start an import from Imports, or a bulk action from the Leads list.</p>
          ) : (
            <ul className="overview-list" data-testid="overview-running">
              {imports.map((i) => (
                <li key={`i${i.id}`}>
                  <a href="#/imports">Import {i.fileName}</a>: {i.status}, {i.inserted + i.merged + i.duplicate + i.rejected} of {i.rowsStaged} rows
                  <progress max={Math.max(i.rowsStaged, 1)} value={i.inserted + i.merged + i.duplicate + i.rejected} aria-label={`Import ${i.fileName} progress`} />
                </li>
              ))}
              {bulk.map((b) => (
                <li key={`b${b.id}`}>
                  Bulk {b.kind}: {b.done} of {b.total}
                  <progress max={Math.max(b.total, 1)} value={b.done} aria-label={`Bulk ${b.kind} progress`} />
                </li>
              ))}
            </ul>
          )
        }
      </AsyncView>
    </Panel>
  );
}
