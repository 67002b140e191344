import type { ReactNode } from 'react';
import { Panel } from '../../components/panel';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { AsyncView } from '../../components/async-view';

const DAY = 86_400_000;
const TODAY_METRICS = ['outreach_performed', 'replied', 'accepted', 'bounced', 'unsubscribed'] as const;
const LABELS: Record<(typeof TODAY_METRICS)[number], string> = {
  outreach_performed: 'Sent',
  replied: 'Replies',
  accepted: 'Acceptances',
  bounced: 'Bounces',
  unsubscribed: 'Unsubscribes',
};

/** Today's counters (settings timezone), the approval queue size and today's planned vs allowed per channel, in one load. */
async function loadToday() {
  const now = Date.now();
  const [series, approvals, capacity] = await Promise.all([
    call('timeline.series', { metrics: [...TODAY_METRICS], from: new Date(now).toISOString(), to: new Date(now + DAY).toISOString(), step: 'day' }),
    call('approvals.list', { limit: 1 }),
    call('work.capacity', { from: new Date(now).toISOString(), days: 1 }),
  ]);
  return { today: series.points[0]?.values ?? {}, waiting: approvals.waiting, cells: capacity.cells };
}

function Figure({ label, value, testId }: { readonly label: string; readonly value: ReactNode; readonly testId: string }) {
  return (
    <div className="overview-figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** Today at a glance: what went out and came back, what waits for approval, and each channel's use of its allowance. */
export function TodayFigures() {
  const state = useAsync(loadToday, []);
  useLiveRefresh(['timeline.changed', 'approvals.changed', 'quotas.changed', 'work.changed', 'outreach.changed'], state.reload);
  return (
    <Panel title="Today">
      <AsyncView state={state} what="today's figures">
        {({ today, waiting, cells }) => (
          <>
            <dl className="overview-figures">
              {TODAY_METRICS.map((metric) => (
                <Figure key={metric} label={LABELS[metric]} value={today[metric] ?? 0} testId={`today-${metric}`} />
              ))}
              <Figure
                label="Awaiting approval"
                testId="today-awaiting-approval"
                value={waiting > 0 ? <a href="#/approvals">{waiting}</a> : 0}
              />
            </dl>
            <h3>Planned today per channel</h3>
            {cells.length === 0 ? (
              <p className="muted">No channel has work today. Add a profile (Profiles) and approve outreach to fill this.</p>
            ) : (
              <ul className="overview-channels">
                {cells.map((cell) => (
                  <li key={cell.channel} data-testid={`channel-${cell.channel}`}>
                    <span className="overview-channel-name">{cell.channel}</span>
                    {cell.allowed === null ? (
                      <span>{cell.planned} planned (no quota)</span>
                    ) : (
                      <>
                        <progress max={Math.max(cell.allowed, 1)} value={Math.min(cell.planned, cell.allowed)} aria-label={`${cell.channel} planned of allowed`} />
                        <span>
                          {cell.planned} / {cell.allowed}
                        </span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </AsyncView>
    </Panel>
  );
}
