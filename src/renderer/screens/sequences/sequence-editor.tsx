import { useState } from 'react';
import type { SequenceDetail } from '../../../shared/contract/schemas/sequences';
import { call } from '../../lib/call';
import { draftOf, newStep, type SequenceDraft } from './sequence-draft';
import { SequenceTools } from './sequence-tools';
import { StepEditor } from './step-editor';

interface SequenceEditorProps {
  readonly detail: SequenceDetail | undefined;
  readonly onSaved: (detail: SequenceDetail) => void;
  readonly onClose: () => void;
}

const SUBJECT_TYPES = new Set(['email', 'manual_task']);

/** The sequence editor: name, status, daily cap, stop on a colleague's reply, steps with variants; then enroll and preview. */
export function SequenceEditor({ detail, onSaved, onClose }: SequenceEditorProps) {
  const [draft, setDraft] = useState<SequenceDraft>(() => draftOf(detail));
  const [error, setError] = useState<string>();
  const set = (patch: Partial<SequenceDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = async () => {
    setError(undefined);
    const steps = draft.steps.map((s) => ({ ...s, variants: s.variants.map((v) => ({ ...v, subject: SUBJECT_TYPES.has(s.typeCode) ? v.subject || null : null })) }));
    try {
      const saved = detail ? await call('sequences.update', { id: detail.id, ...draft, steps }) : await call('sequences.create', { ...draft, status: draft.status === 'archived' ? 'paused' : draft.status, steps });
      setDraft(draftOf(saved));
      onSaved(saved);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="panel" aria-label="Sequence editor">
      <div className="button-row">
        <input aria-label="Sequence name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        <select aria-label="Status" value={draft.status} onChange={(e) => set({ status: e.target.value as SequenceDraft['status'] })}>
          <option value="draft">draft</option>
          <option value="active">active</option>
          <option value="paused">paused</option>
          {detail && <option value="archived">archived</option>}
        </select>
        <label>
          new leads per day{' '}
          <input
            aria-label="Daily enrollment cap"
            type="number"
            min={1}
            value={draft.dailyEnrollmentCap ?? ''}
            onChange={(e) => set({ dailyEnrollmentCap: e.target.value ? Number(e.target.value) : null })}
          />
        </label>
        <label>
          <input type="checkbox" checked={draft.stopOnCompanyReply} onChange={(e) => set({ stopOnCompanyReply: e.target.checked })} /> stop when anyone at the company replied
        </label>
      </div>
      <p className="muted">Every lead stops on a reply on any channel, a bounce, an unsubscribe or a suppression. Edits apply to steps not yet sent.</p>
      {draft.steps.map((step, i) => (
        <StepEditor
          key={step.id ?? `new${i}`}
          index={i}
          step={step}
          stored={detail?.steps.find((s) => s.id === step.id)}
          onChange={(next) => set({ steps: draft.steps.map((s, k) => (k === i ? next : s)) })}
          onRemove={() => set({ steps: draft.steps.filter((_, k) => k !== i) })}
        />
      ))}
      <div className="button-row">
        <button type="button" className="button" onClick={() => set({ steps: [...draft.steps, newStep()] })}>
          Add step
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()}>
          Save sequence
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      {error && (
        <p className="form-outcome danger" role="alert">
          {error}
        </p>
      )}
      {detail && <SequenceTools detail={detail} />}
    </section>
  );
}
