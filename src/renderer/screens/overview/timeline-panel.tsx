import { useState } from 'react';
import { AsyncView } from '../../components/async-view';
import { Panel } from '../../components/panel';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { TimelineChart, type ChartLine } from './timeline-chart';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const PERIODS = [
  { id: '24h', label: 'Last 24 hours', span: DAY, step: 'hour' },
  { id: '7d', label: 'Last 7 days', span: 7 * DAY, step: 'hour' },
  { id: '30d', label: 'Last 30 days', span: 30 * DAY, step: 'day' },
  { id: '90d', label: 'Last 90 days', span: 90 * DAY, step: 'day' },
] as const;

const LINES: readonly ChartLine[] = [
  { metric: 'outreach_performed', label: 'Sent', colour: 'var(--accent)' },
  { metric: 'accepted', label: 'Accepted', colour: '#8e6bd6' },
  { metric: 'replied', label: 'Replied', colour: 'var(--success)' },
  { metric: 'bounced', label: 'Bounced', colour: 'var(--danger)' },
  { metric: 'unsubscribed', label: 'Unsubscribed', colour: '#c98a1b' },
];

/** Outreach performed, accepted, replied, bounced and unsubscribed over a chosen period, redrawn as the timeline counts. */
export function TimelinePanel() {
  const [periodId, setPeriodId] = useState<(typeof PERIODS)[number]['id']>('7d');
  const period = PERIODS.find((p) => p.id === periodId) ?? PERIODS[0];
  const series = useAsync(() => {
    const to = Math.ceil((Date.now() + 1) / HOUR) * HOUR;
    return call('timeline.series', {
      metrics: LINES.map((l) => l.metric) as ['outreach_performed'],
      from: new Date(to - period.span).toISOString(),
      to: new Date(to).toISOString(),
      step: period.step,
    });
  }, [periodId]);
  useLiveRefresh(['timeline.changed', 'settings.changed'], series.reload, 2000);
  return (
    <Panel title="Outreach over time">
      <label className="overview-period">
        Period{' '}
        <select value={periodId} onChange={(e) => setPeriodId(e.target.value as typeof periodId)} data-testid="overview-period">
          {PERIODS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label} ({p.step === 'hour' ? 'hourly' : 'daily'})
            </option>
          ))}
        </select>
      </label>
      <AsyncView state={series} what="the timeline">
        {(data) =>
          data.points.every((p) => Object.values(p.values).every((v) => v === 0)) ? (
            <p className="muted" data-testid="timeline-empty">
              Nothing sent or received in this period. Outreach appears here once profiles send approved messages (Outbox, Profiles).
            </p>
          ) : (
            <TimelineChart series={data} lines={LINES} label={`Outreach, ${period.label.toLowerCase()}`} />
          )
        }
      </AsyncView>
    </Panel>
  );
}
