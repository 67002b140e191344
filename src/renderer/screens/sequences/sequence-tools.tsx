import { useState } from 'react';
import type { OutreachPreview } from '../../../shared/contract/schemas/outreach';
import type { SequenceDetail } from '../../../shared/contract/schemas/sequences';
import { Panel } from '../../components/panel';
import { call } from '../../lib/call';

/** Enrolling leads (by id, or every lead with the first step's address) and a preview of a step for one lead. */
export function SequenceTools({ detail }: { readonly detail: SequenceDetail }) {
  const [ids, setIds] = useState('');
  const [enrolled, setEnrolled] = useState<string>();
  const [leadId, setLeadId] = useState('');
  const [stepId, setStepId] = useState<number | undefined>(detail.steps[0]?.id);
  const [preview, setPreview] = useState<OutreachPreview | string>();
  const enroll = async (input: { leadIds: number[] } | { filter: Record<string, string> }) => {
    try {
      const r = await call('sequences.enroll', { id: detail.id, ...input });
      const refused = Object.entries(r.refused).map(([reason, n]) => `${n} ${reason.replace(/_/g, ' ')}`);
      setEnrolled(`Enrolled ${r.enrolled}${refused.length ? `; refused: ${refused.join(', ')}` : ''}`);
    } catch (e) {
      setEnrolled(e instanceof Error ? e.message : String(e));
    }
  };
  const first = detail.steps[0]?.typeCode ?? 'email';
  const addressFilter: Record<string, string> = first.startsWith('linkedin') ? { hasLinkedin: 'yes' } : first.startsWith('facebook') ? { hasFacebook: 'yes' } : first === 'email' ? { hasEmail: 'yes' } : {};
  return (
    <>
      <Panel title="Enroll leads">
        <div className="button-row">
          <input aria-label="Lead ids to enroll" placeholder="lead ids, e.g. 12, 15" value={ids} onChange={(e) => setIds(e.target.value)} />
          <button
            type="button"
            className="button"
            onClick={() => void enroll({ leadIds: ids.split(/[\s,]+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 0) })}
          >
            Enroll these
          </button>
          <button type="button" className="button" onClick={() => void enroll({ filter: addressFilter })}>
            Enroll every reachable lead
          </button>
        </div>
        {enrolled && <p role="status">{enrolled}</p>}
      </Panel>
      <Panel title="Preview for a lead">
        <div className="button-row">
          <input aria-label="Preview lead id" placeholder="lead id" value={leadId} onChange={(e) => setLeadId(e.target.value)} />
          <select aria-label="Preview step" value={stepId ?? ''} onChange={(e) => setStepId(Number(e.target.value))}>
            {detail.steps.map((s) => (
              <option key={s.id} value={s.id}>
                Step {s.position}: {s.typeCode}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            onClick={() =>
              void call('sequences.preview', { id: detail.id, leadId: Number(leadId), ...(stepId ? { stepId } : {}) }).then(setPreview, (e: unknown) =>
                setPreview(e instanceof Error ? e.message : String(e)),
              )
            }
          >
            Preview
          </button>
        </div>
        {typeof preview === 'string' && <p role="alert">{preview}</p>}
        {preview && typeof preview !== 'string' && (
          <div aria-label="Preview">
            {preview.subject && <p><strong>{preview.subject}</strong></p>}
            <pre className="message-body">{preview.body}</pre>
            {preview.unknown.length > 0 && <p className="form-outcome danger">Unknown merge fields: {preview.unknown.join(', ')}</p>}
            {preview.empty.length > 0 && <p className="muted">Empty for this lead: {preview.empty.join(', ')}</p>}
          </div>
        )}
      </Panel>
    </>
  );
}
