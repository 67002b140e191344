import { useState } from 'react';
import type { ApprovalItem } from '../../../shared/contract/schemas/approvals';
import { call } from '../../lib/call';

interface ApprovalRowProps {
  readonly item: ApprovalItem;
  readonly selected: boolean;
  readonly onSelect: (selected: boolean) => void;
  readonly onChanged: () => void;
}

const originText = (o: ApprovalItem['origin']): string =>
  o.sequenceName ? `Sequence ${o.sequenceName}, step ${o.stepPosition ?? '?'}${o.variantLabel ? ` (variant ${o.variantLabel})` : ''}` : o.ruleName ? `Rule ${o.ruleName}` : 'Composed by hand';

/** One waiting message: rendered text, where it came from, inline edit, approve, reject, auto-approve its origin. */
export function ApprovalRow({ item, selected, onSelect, onChanged }: ApprovalRowProps) {
  const [editing, setEditing] = useState(false);
  const [subject, setSubject] = useState(item.subject ?? '');
  const [body, setBody] = useState(item.body ?? '');
  const [error, setError] = useState<string>();
  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <article className="panel" aria-label={`Approval ${item.id}`}>
      <label>
        <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} /> {item.typeCode} to {item.leadLabel ?? `lead ${item.leadId}`}{' '}
        <span className="muted">{item.address}</span>
      </label>
      <p className="muted">{originText(item.origin)}</p>
      {item.unknownFields.length > 0 && (
        <p className="form-outcome danger" role="alert">
          Unknown merge fields: {item.unknownFields.join(', ')}. Edit the text before approving.
        </p>
      )}
      {editing ? (
        <div className="form-grid">
          {item.subject !== null && <input aria-label="Subject" value={subject} onChange={(e) => setSubject(e.target.value)} />}
          <textarea aria-label="Body" rows={6} value={body} onChange={(e) => setBody(e.target.value)} />
          <div className="button-row">
            <button type="button" className="button button-primary button-small" onClick={() => void run(async () => {
              await call('approvals.edit', { id: item.id, ...(item.subject !== null ? { subject } : {}), body });
              setEditing(false);
            })}>
              Save text
            </button>
            <button type="button" className="button button-small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          {item.subject !== null && <p><strong>{item.subject}</strong></p>}
          <pre className="message-body">{item.body}</pre>
        </>
      )}
      <div className="button-row">
        <button type="button" className="button button-small button-primary" onClick={() => void run(() => call('approvals.approve', { ids: [item.id] }))}>
          Approve
        </button>
        <button type="button" className="button button-small" onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" className="button button-small button-danger" onClick={() => void run(() => call('approvals.reject', { ids: [item.id] }))}>
          Reject
        </button>
        {(item.origin.stepId !== null || item.origin.ruleId !== null) && (
          <button type="button" className="button button-small" onClick={() => void run(() => call('approvals.autoApprove', { id: item.id }))}>
            Auto-approve this {item.origin.stepId !== null ? 'step' : 'rule'}
          </button>
        )}
      </div>
      {error && (
        <p className="form-outcome danger" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
