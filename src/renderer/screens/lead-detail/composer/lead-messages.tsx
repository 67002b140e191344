import { useState } from 'react';
import type { OutreachItem } from '../../../../shared/contract/schemas/outreach';
import { AsyncView } from '../../../components/async-view';
import type { AsyncState } from '../../../lib/async-state';
import { call } from '../../../lib/call';
import { formatDateTime } from '../../../lib/format-time';
import { describeFailure } from './failure-advice';
import { awaitsApproval, directionText, outreachStatusText } from './outreach-words';

function MessageItem({ item, onChanged }: { readonly item: OutreachItem; readonly onChanged: () => void }) {
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const approve = (): void => {
    setBusy(true);
    setFailure(undefined);
    call('outreach.approve', { id: item.id })
      .then(onChanged, (error: unknown) => setFailure(describeFailure(error, 'Not approved')))
      .finally(() => setBusy(false));
  };
  const subject = item.subject ?? '(no subject)';
  return (
    <li className={`composer-message composer-message-${item.direction}`} aria-label={`${directionText[item.direction]}: ${subject}`}>
      <p className="composer-message-head">
        <span className="strong">{directionText[item.direction]}</span>
        <span className={item.status === 'failed' ? 'danger' : undefined}>{outreachStatusText(item)}</span>
        <time className="muted" dateTime={item.occurredAt ?? item.createdAt}>
          {formatDateTime(item.occurredAt ?? item.createdAt)}
        </time>
      </p>
      <p className="composer-message-subject">{subject}</p>
      {item.body && <pre className="composer-text">{item.body}</pre>}
      {awaitsApproval(item) && (
        <button type="button" className="button button-small button-primary" onClick={approve} disabled={busy}>
          Approve
        </button>
      )}
      {failure && (
        <p className="form-outcome danger" role="alert">
          {failure}
        </p>
      )}
    </li>
  );
}

/** The lead's outgoing and incoming messages, newest first, each with where it stands and Approve when it waits for that. */
export function LeadMessages({ messages }: { readonly messages: AsyncState<readonly OutreachItem[]> }) {
  return (
    <AsyncView state={messages} what="messages">
      {(items) =>
        items.length === 0 ? (
          <p className="muted">No messages to or from this lead yet.</p>
        ) : (
          <ol className="composer-messages" aria-label="Messages">
            {items.map((item) => (
              <MessageItem key={item.id} item={item} onChanged={messages.reload} />
            ))}
          </ol>
        )
      }
    </AsyncView>
  );
}
