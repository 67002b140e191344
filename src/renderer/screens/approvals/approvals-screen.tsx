import { useState } from 'react';
import { AsyncView } from '../../components/async-view';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { ApprovalRow } from './approval-row';
import { DuePanel } from './due-panel';

/** The Approvals area: what is due by hand today, and outgoing messages waiting for approval (edit, approve in bulk, reject). */
export function ApprovalsScreen() {
  const list = useAsync(() => call('approvals.list', { limit: 200 }), []);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [outcome, setOutcome] = useState<string>();
  useLiveRefresh(['approvals.changed', 'sequences.changed', 'rules.changed'], list.reload);
  const decide = async (kind: 'approvals.approve' | 'approvals.reject', target: { ids: number[] } | { all: Record<string, never> }) => {
    const result = await call(kind, target);
    setOutcome(`${result.decided} ${kind === 'approvals.approve' ? 'approved' : 'rejected'}${result.skipped.length ? `, ${result.skipped.length} skipped (${result.skipped[0]?.reason})` : ''}`);
    setSelected(new Set());
    list.reload();
  };
  const ids = [...selected];
  return (
    <Screen title="Approvals">
      <DuePanel />
      <AsyncView state={list} what="approvals">
        {({ items, waiting }) => (
          <>
            <p aria-live="polite">
              {waiting} message{waiting === 1 ? '' : 's'} waiting for approval{outcome ? ` — ${outcome}` : ''}
            </p>
            <div className="button-row">
              <button type="button" className="button button-primary" disabled={ids.length === 0} onClick={() => void decide('approvals.approve', { ids })}>
                Approve selected ({ids.length})
              </button>
              <button type="button" className="button" disabled={waiting === 0} onClick={() => void decide('approvals.approve', { all: {} })}>
                Approve all {waiting}
              </button>
              <button type="button" className="button button-danger" disabled={ids.length === 0} onClick={() => void decide('approvals.reject', { ids })}>
                Reject selected
              </button>
            </div>
            {items.length === 0 ? (
              <p className="muted">Nothing waits for approval.</p>
            ) : (
              <div className="panels">
                {items.map((item) => (
                  <ApprovalRow
                    key={item.id}
                    item={item}
                    selected={selected.has(item.id)}
                    onSelect={(on) => setSelected((s) => (on ? new Set([...s, item.id]) : new Set([...s].filter((i) => i !== item.id))))}
                    onChanged={list.reload}
                  />
                ))}
              </div>
            )}
          </>
        )}
      </AsyncView>
    </Screen>
  );
}
