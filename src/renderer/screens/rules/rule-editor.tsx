import { useState, type FormEvent } from 'react';
import type { Rule } from '../../../shared/contract/schemas/rules';
import type { MethodOutput } from '../../../shared/contract/methods';
import { call } from '../../lib/call';
import { toError } from '../../lib/async-state';
import { useTags } from '../../stores/tags-store';
import { FilterBuilder } from './filter-builder';
import { ACTION_LABELS, definitionOf, draftOf, emptyDraft, ENRICHMENT_TYPES, OUTREACH_TYPES, targetOf, TRIGGER_LABELS, type RuleDraft } from './rule-draft';

interface RuleEditorProps {
  /** The rule to change; a new rule when absent. */
  readonly rule?: Rule;
  readonly rules: readonly Rule[];
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}

/** Trigger, filter builder, action, delay, auto-approve and "apply to previous"; a dry run shows how many records match now. */
export function RuleEditor({ rule, rules, onSaved, onCancel }: RuleEditorProps) {
  const [d, setDraft] = useState<RuleDraft>(() => (rule ? draftOf(rule) : emptyDraft()));
  const [dry, setDry] = useState<MethodOutput<'rules.dryRun'>>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const tags = useTags().data ?? [];
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => {
    setDraft((old) => ({ ...old, [key]: value }));
    setDry(undefined);
  };

  const dryRun = () => {
    const def = definitionOf(d);
    call('rules.dryRun', { trigger: def.trigger, filter: def.filter }).then(
      (result) => {
        setDry(result);
        setOutcome(undefined);
      },
      (error: unknown) => setOutcome({ ok: false, text: toError(error).message }),
    );
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const def = definitionOf(d);
    // "apply to previous" is decided when a rule is created: its cursor already moved
    const change = { name: def.name, trigger: def.trigger, filter: def.filter, action: def.action, delaySeconds: def.delaySeconds };
    (rule ? call('rules.update', { id: rule.id, ...change }) : call('rules.create', def))
      .then(() => onSaved())
      .catch((error: unknown) => setOutcome({ ok: false, text: toError(error).message }))
      .finally(() => setBusy(false));
  };

  const tagOptions = (
    <>
      <option value="">(choose a tag)</option>
      {tags.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </>
  );
  const creation = ['lead_created', 'company_created', 'event_created'].includes(d.trigger);
  return (
    // the filter grids want the screen's width, not the narrow column of a settings form
    <form className="form" style={{ maxWidth: 'none' }} onSubmit={save} noValidate aria-label={rule ? `Edit rule ${rule.name}` : 'New rule'}>
      <div className="field">
        <label htmlFor="rule-name">Name</label>
        <input id="rule-name" type="text" maxLength={200} value={d.name} onChange={(e) => set('name', e.target.value)} />
      </div>
      <fieldset className="detail-fieldset">
        <legend>When</legend>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="rule-trigger">Trigger</label>
            <select id="rule-trigger" value={d.trigger} onChange={(e) => set('trigger', e.target.value as RuleDraft['trigger'])}>
              {Object.entries(TRIGGER_LABELS).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          {creation && (
            <div className="field">
              <label htmlFor="rule-source">Only from source (id)</label>
              <input id="rule-source" type="number" min={1} value={d.sourceId} onChange={(e) => set('sourceId', e.target.value)} />
            </div>
          )}
          {d.trigger === 'tag_added' && (
            <>
              <div className="field">
                <label htmlFor="rule-trigger-tag">Tag</label>
                <select id="rule-trigger-tag" value={d.triggerTagId} onChange={(e) => set('triggerTagId', e.target.value)}>
                  {tagOptions}
                </select>
              </div>
              <div className="field">
                <label htmlFor="rule-trigger-target">Added to</label>
                <select id="rule-trigger-target" value={d.triggerTarget} onChange={(e) => set('triggerTarget', e.target.value as 'lead' | 'company')}>
                  <option value="lead">a lead</option>
                  <option value="company">a company</option>
                </select>
              </div>
            </>
          )}
          {d.trigger === 'rule_performed' && (
            <div className="field">
              <label htmlFor="rule-trigger-rule">Rule</label>
              <select id="rule-trigger-rule" value={d.triggerRuleId} onChange={(e) => set('triggerRuleId', e.target.value)}>
                <option value="">(choose a rule)</option>
                {rules
                  .filter((r) => r.id !== rule?.id)
                  .map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
              </select>
            </div>
          )}
        </div>
      </fieldset>
      <FilterBuilder target={targetOf(d)} filter={d.filter} onChange={(filter) => set('filter', filter)} />
      <fieldset className="detail-fieldset">
        <legend>Then</legend>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="rule-action">Action</label>
            <select id="rule-action" value={d.action} onChange={(e) => set('action', e.target.value as RuleDraft['action'])}>
              {Object.entries(ACTION_LABELS).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          {(d.action === 'outreach' || d.action === 'enrichment') && (
            <div className="field">
              <label htmlFor="rule-type">Type</label>
              <select id="rule-type" value={d.typeCode} onChange={(e) => set('typeCode', e.target.value)}>
                {(d.action === 'outreach' ? OUTREACH_TYPES : ENRICHMENT_TYPES).map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            </div>
          )}
          {d.action !== 'enroll' && (
            <div className="field">
              <label htmlFor="rule-action-tag">{d.action === 'add_tag' || d.action === 'remove_tag' ? 'Tag' : 'Tag what it creates'}</label>
              <select id="rule-action-tag" value={d.actionTagId} onChange={(e) => set('actionTagId', e.target.value)}>
                {tagOptions}
              </select>
            </div>
          )}
          {d.action === 'enroll' && (
            <div className="field">
              <label htmlFor="rule-sequence">Sequence (id)</label>
              <input id="rule-sequence" type="number" min={1} value={d.sequenceId} onChange={(e) => set('sequenceId', e.target.value)} />
            </div>
          )}
          {(d.action === 'outreach' || d.action === 'enrichment') && (
            <label className="choice">
              <input type="checkbox" checked={d.autoApprove} onChange={(e) => set('autoApprove', e.target.checked)} /> Auto-approve
            </label>
          )}
        </div>
        {d.action === 'outreach' && (
          <>
            <div className="field">
              <label htmlFor="rule-subject">Subject</label>
              <input id="rule-subject" type="text" value={d.subject} onChange={(e) => set('subject', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="rule-body">Body</label>
              <textarea id="rule-body" rows={4} value={d.body} onChange={(e) => set('body', e.target.value)} />
              <p className="field-hint">Merge fields like {'{{first_name}}'} or {'{{company.name|your team}}'}.</p>
            </div>
          </>
        )}
      </fieldset>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="rule-delay">Delay (minutes)</label>
          <input id="rule-delay" type="number" min={0} value={d.delayMinutes} onChange={(e) => set('delayMinutes', e.target.value)} />
        </div>
        {!rule && (
          <label className="choice">
            <input type="checkbox" checked={d.applyToPrevious} onChange={(e) => set('applyToPrevious', e.target.checked)} /> Apply to previous records
          </label>
        )}
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={dryRun}>
          Dry run
        </button>
        <button type="submit" className="button button-primary" disabled={busy || d.name.trim() === ''}>
          {rule ? 'Save rule' : 'Create rule'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {dry && (
        <div role="status" aria-label="Dry run result">
          <p className="strong">{`${dry.count} ${dry.count === 1 ? 'record matches' : 'records match'} now`}</p>
          <ul aria-label="Sample">
            {dry.sample.map((s) => (
              <li key={`${s.kind}-${s.id}`}>{`${s.label} (${s.kind} ${s.id})`}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome && (
        <p className={`form-outcome ${outcome.ok ? 'success' : 'danger'}`} role="alert">
          {outcome.text}
        </p>
      )}
    </form>
  );
}
