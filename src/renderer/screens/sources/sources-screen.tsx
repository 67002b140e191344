import { useState } from 'react';
import type { Source } from '../../../shared/contract/schemas/sources';
import { EmptyState } from '../../components/empty-state';
import { Panel } from '../../components/panel';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { hrefOf } from '../../routing/areas';
import { SourceForm } from './source-form';
import { SourcesTable } from './sources-table';
import './sources.css';

const LIVE_EVENTS = ['sources.changed', 'jobs.changed'] as const;

/** The Sources area: URLs scraped on a cadence by browser profiles, with an editor that checks each URL against its site pack. */
export function SourcesScreen() {
  const [editing, setEditing] = useState<Source | 'new' | undefined>();
  const sources = useAsync(() => call('sources.list', {}), []);
  const types = useAsync(() => call('sources.types', {}), []);
  const profiles = useAsync(() => call('profiles.list', {}), []);
  useLiveRefresh(LIVE_EVENTS, sources.reload, 2000);
  const done = (): void => {
    setEditing(undefined);
    sources.reload();
  };
  const items = sources.data?.items ?? [];
  return (
    <Screen title="Sources">
      <div className="panel-stack">
        {editing !== undefined && types.data && (
          <Panel title={editing === 'new' ? 'New source' : `Edit ${editing.name}`}>
            <SourceForm
              key={editing === 'new' ? 'new' : editing.id}
              types={types.data.items}
              profiles={profiles.data?.items ?? []}
              {...(editing === 'new' ? {} : { editing })}
              onDone={done}
            />
          </Panel>
        )}
        <Panel title="Sources">
          <div className="toolbar">
            <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
              New source
            </button>
          </div>
          {sources.error && (
            <div className="notice notice-error" role="alert">
              <p>Could not load the sources: {sources.error.message}</p>
              <button type="button" className="button" onClick={sources.reload}>
                Try again
              </button>
            </div>
          )}
          {items.length === 0 && !sources.loading ? (
            <EmptyState title="No sources yet">Add a LinkedIn or Facebook search or group to scrape on a schedule.</EmptyState>
          ) : (
            <SourcesTable
              sources={items}
              types={types.data?.items ?? []}
              onEdit={setEditing}
              onJobs={(s) => (window.location.hash = `${hrefOf('jobs')}?sourceId=${s.id}`)}
              onDeleted={sources.reload}
            />
          )}
        </Panel>
      </div>
    </Screen>
  );
}
