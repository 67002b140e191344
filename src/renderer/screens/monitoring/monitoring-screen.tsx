import { AsyncView } from '../../components/async-view';
import { DetailsList } from '../../components/details-list';
import { Panel } from '../../components/panel';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { formatMegabytes } from './format-figures';
import { LoopsTable, QueuesTable, WorkersTable } from './monitoring-tables';
import { OutreachChartPanel } from './outreach-chart-panel';
import { RebuildTimeline } from './rebuild-timeline';
import { useRefreshEvery } from './use-refresh-every';

const REFRESH_MS = 5000;

/** The Monitoring area: workers and their memory, loops and their lag, queue depths, process memory, outreach per hour. */
export function MonitoringScreen() {
  const snapshot = useAsync(() => call('monitoring.snapshot', {}), []);
  useRefreshEvery(REFRESH_MS, snapshot.reload);
  useLiveRefresh(['profiles.state', 'timeline.changed'], snapshot.reload);

  return (
    <Screen title="Monitoring">
      <AsyncView state={snapshot} what="monitoring">
        {(data) => (
          <div className="panel-stack">
            <OutreachChartPanel rebuilding={data.timeline.rebuilding} />
            <Panel title="Workers">
              <WorkersTable workers={data.workers} />
            </Panel>
            <Panel title="Queues">
              <QueuesTable queues={data.queues} />
            </Panel>
            <Panel title="Loops">
              <LoopsTable loops={data.loops} />
            </Panel>
            <Panel title="Main process">
              <DetailsList
                items={[
                  ['Memory (resident)', formatMegabytes(data.process.rssBytes)],
                  ['Heap used', `${formatMegabytes(data.process.heapUsedBytes)} of ${formatMegabytes(data.process.heapTotalBytes)}`],
                  ['Up for', `${Math.floor(data.process.uptimeSeconds / 60)} min`],
                  ['Timeline', <RebuildTimeline key="timeline" rebuilding={data.timeline.rebuilding} onStarted={snapshot.reload} />],
                ]}
              />
            </Panel>
          </div>
        )}
      </AsyncView>
    </Screen>
  );
}
