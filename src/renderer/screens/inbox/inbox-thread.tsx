import { AsyncView } from '../../components/async-view';
import { call } from '../../lib/call';
import { formatDateTime } from '../../lib/format-time';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { InboxReplyBox } from './inbox-reply-box';
import { describeBounce, kindLabels } from './inbox-words';
import { SocialChannelNote, socialSiteOf } from './social-channel-note';

/** One lead's conversation, oldest first: what we sent and what came back, with each incoming message's classification. */
export function InboxThread({ leadId }: { readonly leadId: number }) {
  const thread = useAsync(() => call('inbox.thread', { leadId }), [leadId]);
  useLiveRefresh(['inbox.received', 'outreach.changed'], thread.reload);
  return (
    <AsyncView state={thread} what="the conversation">
      {({ leadLabel, items }) => {
        // The newest email a person wrote is the one to answer; bounces have nobody behind them.
        const answerable = items.findLast((m) => m.direction === 'incoming' && m.kind !== 'hard_bounce' && m.kind !== 'soft_bounce' && !socialSiteOf(m.leadAddress));
        return (
        <section className="inbox-thread" aria-label={`Conversation with ${leadLabel ?? `lead ${leadId}`}`}>
          <h3>{leadLabel ?? `Lead ${leadId}`}</h3>
          <ol>
            {items.map((message) => (
              <li key={message.id} className={`inbox-message inbox-message-${message.direction}`}>
                <p className="inbox-message-head">
                  <strong>{message.direction === 'outgoing' ? 'Sent' : message.kind ? kindLabels[message.kind] : 'Received'}</strong>
                  {' · '}
                  {formatDateTime(message.occurredAt ?? message.createdAt)}
                  {message.folder && message.folder !== 'INBOX' ? ` · in ${message.folder}` : ''}
                </p>
                <SocialChannelNote address={message.leadAddress} />
                {!socialSiteOf(message.leadAddress) && <p className="inbox-subject">{message.subject ?? '(no subject)'}</p>}
                {describeBounce(message.bounce) && <p className="muted">{describeBounce(message.bounce)}</p>}
                {message.reason && message.direction === 'incoming' && <p className="muted">Classified by: {message.reason}</p>}
                {message.text && <pre className="inbox-text">{message.text}</pre>}
              </li>
            ))}
          </ol>
          {answerable && <InboxReplyBox key={answerable.id} outreachId={answerable.id} subject={answerable.subject} onSent={thread.reload} />}
        </section>
        );
      }}
    </AsyncView>
  );
}
