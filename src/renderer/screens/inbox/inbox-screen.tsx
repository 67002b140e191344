import { useState } from 'react';
import type { IncomingKind } from '../../../shared/inbox-check-output';
import { AsyncView } from '../../components/async-view';
import { Panel } from '../../components/panel';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { InboxTable } from './inbox-table';
import { InboxThread } from './inbox-thread';
import { kindFilters } from './inbox-words';
import './inbox.css';

/** The Inbox area: leads by their newest reply, bounce, out-of-office or unsubscribe, and the conversation of the chosen lead. */
export function InboxScreen() {
  const [kind, setKind] = useState<IncomingKind | 'all'>('all');
  const [selected, setSelected] = useState<number | null>(null);
  const list = useAsync(() => call('inbox.list', kind === 'all' ? {} : { kind }), [kind]);
  useLiveRefresh(['inbox.received'], list.reload);

  return (
    <Screen title="Inbox">
      <div className="toolbar" role="radiogroup" aria-label="Kind of message">
        {kindFilters.map((choice) => (
          <label key={choice.value} className="segment">
            <input type="radio" name="inbox-kind" value={choice.value} checked={kind === choice.value} onChange={() => setKind(choice.value)} />
            {choice.label}
          </label>
        ))}
      </div>
      <div className="panels inbox-panels">
        <Panel title="By lead">
          <AsyncView state={list} what="incoming messages">
            {({ items }) => <InboxTable entries={items} selected={selected} onSelect={setSelected} />}
          </AsyncView>
        </Panel>
        <Panel title="Conversation">{selected === null ? <p className="muted">Choose a lead to read the conversation.</p> : <InboxThread leadId={selected} />}</Panel>
      </div>
    </Screen>
  );
}
