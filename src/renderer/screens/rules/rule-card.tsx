import { useState } from 'react';
import type { Rule } from '../../../shared/contract/schemas/rules';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { DailyChart } from './daily-chart';
import { ACTION_LABELS, TRIGGER_LABELS } from './rule-draft';

interface RuleCardProps {
  readonly rule: Rule;
  /** Changes whenever the rules changed, so the card reloads its stats. */
  readonly version: number;
  readonly onEdit: () => void;
  readonly onChanged: () => void;
}

/** One rule: what fires it and what it does, its counters, the outcomes of what it sent, a 14-day chart, and its controls. */
export function RuleCard({ rule, version, onEdit, onChanged }: RuleCardProps) {
  const stats = useAsync(() => call('rules.stats', { id: rule.id, days: 14 }), [rule.id, version]);
  const c = rule.counters;
  const o = stats.data?.outcomes;
  const [problem, setProblem] = useState<string>();
  const fail = (error: unknown) => setProblem(toError(error).message);
  const toggle = () => call(rule.active ? 'rules.pause' : 'rules.resume', { id: rule.id }).then(onChanged, fail);
  const remove = () => call('rules.delete', { id: rule.id }).then(onChanged, fail);
  return (
    <article className="panel" aria-label={`Rule ${rule.name}`}>
      <h2>{rule.name}</h2>
      <p className="muted">
        {`${TRIGGER_LABELS[rule.trigger.kind]} → ${ACTION_LABELS[rule.action.kind]}`}
        {rule.delaySeconds > 0 ? ` after ${Math.round(rule.delaySeconds / 60)} min` : ''}
        {rule.active ? '' : ' · paused'}
      </p>
      <dl className="details" aria-label="Counters">
        <div className="details-row">
          <dt>Triggered</dt>
          <dd data-counter="triggered">{c.triggered}</dd>
        </div>
        <div className="details-row">
          <dt>Passed filter</dt>
          <dd data-counter="passed">{c.passedFilter}</dd>
        </div>
        <div className="details-row">
          <dt>Performed</dt>
          <dd data-counter="performed">{c.performed}</dd>
        </div>
        <div className="details-row">
          <dt>Waiting</dt>
          <dd>{c.pending}</dd>
        </div>
        <div className="details-row">
          <dt>Failed</dt>
          <dd>{c.failed}</dd>
        </div>
        {o && (rule.action.kind === 'outreach' || rule.action.kind === 'enrichment') && (
          <div className="details-row">
            <dt>Outcomes</dt>
            <dd>
              {rule.action.kind === 'outreach'
                ? `${o.outreachPerformed} sent · ${o.replied} replies · ${o.accepted} accepted · ${o.bounced} bounced`
                : `${o.enrichmentsPerformed} done · ${o.enrichmentHits} hits`}
            </dd>
          </div>
        )}
      </dl>
      {stats.data && <DailyChart daily={stats.data.daily} label={`${rule.name}: performed and replies per day`} />}
      <div className="button-row">
        <button type="button" className="button button-small" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="button button-small" onClick={() => void toggle()}>
          {rule.active ? 'Pause' : 'Resume'}
        </button>
        <button type="button" className="button button-small button-danger" onClick={() => void remove()}>
          Delete
        </button>
      </div>
      {problem && (
        <p className="form-outcome danger" role="alert">
          {problem}
        </p>
      )}
    </article>
  );
}
