import { AsyncView } from '../../components/async-view';
import { Panel } from '../../components/panel';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { HourlyBarChart, type ChartSeries } from './hourly-bar-chart';

const HOURS = 48;
const HOUR = 3_600_000;
const LINES: readonly ChartSeries[] = [
  { metric: 'outreach_performed', label: 'Sent', colour: 'var(--accent)' },
  { metric: 'replied', label: 'Replied', colour: 'var(--success)' },
];

/** Outreach sent and replies received per hour over the last two days, from the timeline; redrawn when it changes. */
export function OutreachChartPanel({ rebuilding }: { readonly rebuilding: boolean }) {
  const series = useAsync(() => {
    const to = Math.ceil((Date.now() + 1) / HOUR) * HOUR;
    return call('timeline.series', { metrics: ['outreach_performed', 'replied'], from: new Date(to - HOURS * HOUR).toISOString(), to: new Date(to).toISOString(), step: 'hour' });
  }, []);
  useLiveRefresh(['timeline.changed'], series.reload);
  return (
    <Panel title="Outreach per hour (last 48 hours)">
      {rebuilding && (
        <p className="notice notice-warning" role="status">
          The timeline is being rebuilt; counts fill in as it goes.
        </p>
      )}
      <AsyncView state={series} what="the timeline">
        {(data) => <HourlyBarChart series={data} lines={LINES} label="Outreach sent and replies per hour" />}
      </AsyncView>
    </Panel>
  );
}
