import type { SequenceDetail, StepInput } from '../../../shared/contract/schemas/sequences';

const TYPES: readonly [StepInput['typeCode'], string][] = [
  ['email', 'Email'],
  ['linkedin_connect', 'LinkedIn invitation'],
  ['linkedin_message', 'LinkedIn message'],
  ['facebook_friend', 'Facebook friend request'],
  ['facebook_message', 'Facebook message'],
  ['manual_task', 'Manual task'],
];

interface StepEditorProps {
  readonly index: number;
  readonly step: StepInput;
  /** The stored step, for variant results and unknown merge fields. */
  readonly stored: SequenceDetail['steps'][number] | undefined;
  readonly onChange: (step: StepInput) => void;
  readonly onRemove: () => void;
}

/** One step: channel, delay in sending days, approval, acceptance branch and its A/B variants. */
export function StepEditor({ index, step, stored, onChange, onRemove }: StepEditorProps) {
  const set = (patch: Partial<StepInput>) => onChange({ ...step, ...patch });
  const setVariant = (j: number, patch: Partial<StepInput['variants'][number]>) => set({ variants: step.variants.map((v, k) => (k === j ? { ...v, ...patch } : v)) });
  return (
    <fieldset className="panel" aria-label={`Step ${index + 1}`}>
      <legend>Step {index + 1}</legend>
      <div className="button-row">
        <select aria-label={`Step ${index + 1} channel`} value={step.typeCode} onChange={(e) => set({ typeCode: e.target.value as StepInput['typeCode'] })}>
          {TYPES.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
        <label>
          after{' '}
          <input aria-label={`Step ${index + 1} delay`} type="number" min={0} max={365} value={step.delayDays} onChange={(e) => set({ delayDays: Number(e.target.value) })} /> sending
          days
        </label>
        <label>
          <input type="checkbox" checked={step.autoApprove} onChange={(e) => set({ autoApprove: e.target.checked })} /> auto-approve
        </label>
        <select
          aria-label={`Step ${index + 1} branch`}
          value={step.branch?.on ?? ''}
          onChange={(e) => set({ branch: e.target.value ? { on: e.target.value as 'accepted' | 'not_accepted', withinDays: step.branch?.withinDays ?? 7 } : null })}
        >
          <option value="">always</option>
          <option value="accepted">only if the invitation was accepted</option>
          <option value="not_accepted">only if it was not accepted</option>
        </select>
        {step.branch && (
          <label>
            within{' '}
            <input type="number" min={1} max={365} value={step.branch.withinDays} onChange={(e) => set({ branch: { on: step.branch?.on ?? 'accepted', withinDays: Number(e.target.value) } })} /> days
          </label>
        )}
        <button type="button" className="button button-small button-danger" onClick={onRemove}>
          Remove step
        </button>
      </div>
      {step.variants.map((v, j) => {
        const result = stored?.variants.find((s) => s.id === v.id);
        return (
          <div key={v.id ?? `new${j}`} className="form-grid" aria-label={`Step ${index + 1} variant ${v.label}`}>
            <div className="button-row">
              <input aria-label="Variant label" value={v.label} onChange={(e) => setVariant(j, { label: e.target.value })} />
              <label>
                weight <input type="number" min={0} max={1000} value={v.weight} onChange={(e) => setVariant(j, { weight: Number(e.target.value) })} />
              </label>
              {result && (
                <span className="muted">
                  sent {result.results.sent} · replied {result.results.replied} · accepted {result.results.accepted} · bounced {result.results.bounced}
                </span>
              )}
              {step.variants.length > 1 && (
                <button type="button" className="button button-small" onClick={() => set({ variants: step.variants.filter((_, k) => k !== j) })}>
                  Remove variant
                </button>
              )}
            </div>
            {(step.typeCode === 'email' || step.typeCode === 'manual_task') && (
              <input aria-label={`Step ${index + 1} subject`} placeholder="Subject" value={v.subject ?? ''} onChange={(e) => setVariant(j, { subject: e.target.value })} />
            )}
            <textarea aria-label={`Step ${index + 1} body`} rows={4} value={v.body} onChange={(e) => setVariant(j, { body: e.target.value })} />
            {result && result.unknownFields.length > 0 && (
              <p className="form-outcome danger" role="alert">
                Unknown merge fields: {result.unknownFields.join(', ')}
              </p>
            )}
          </div>
        );
      })}
      {step.variants.length < 10 && (
        <button
          type="button"
          className="button button-small"
          onClick={() => set({ variants: [...step.variants, { label: String.fromCharCode(65 + step.variants.length), subject: step.variants[0]?.subject ?? null, body: '', weight: 1 }] })}
        >
          Add A/B variant
        </button>
      )}
    </fieldset>
  );
}
