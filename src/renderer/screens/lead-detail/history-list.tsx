import { useId, useState } from 'react';
import type { HistoryEntry } from '../../../shared/contract/schemas/provenance';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';
import { formatDateTime } from '../../lib/format-time';
import { relativeTime } from './relative-time';
import { valueText } from './value-text';

interface HistoryListProps {
  readonly entries: readonly HistoryEntry[];
  /** A changed field's name on screen (`jobTitle` → "Job title", `custom.3` → the custom field's name). */
  readonly fieldLabel: (field: string) => string;
  /** Reloads the record after an undo. */
  readonly onUndone: () => void;
  /** A value in words when the raw value would say little (a company id), else undefined. */
  readonly valueLabel?: (field: string, value: ChangeValue) => string | undefined;
}

type ChangeValue = HistoryEntry['changes'][number]['before'];

const actionLabels: Record<HistoryEntry['action'], string> = { insert: 'Created', update: 'Changed', merge: 'Merged', delete: 'Deleted', restore: 'Restored' };

const shown = (value: ChangeValue): string => (value === null || value === '' ? 'empty' : valueText(value));

function UndoButton({ entry, onUndone }: { readonly entry: HistoryEntry; readonly onUndone: () => void }) {
  const reasonId = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const undo = (): void => {
    setBusy(true);
    setFailure(undefined);
    call('journal.undo', { id: entry.id })
      .then(onUndone, (error: unknown) => setFailure(`Not undone: ${toError(error).message}`))
      .finally(() => setBusy(false));
  };
  const reason = entry.canUndo ? undefined : (entry.cannotUndoReason ?? 'This change cannot be undone.');
  return (
    <div className="history-undo">
      <button type="button" className="button button-small" onClick={undo} disabled={busy || !entry.canUndo} aria-describedby={reason ? reasonId : undefined}>
        Undo this change
      </button>
      {reason && (
        <small id={reasonId} className="muted">
          {reason}
        </small>
      )}
      {failure && (
        <p className="form-outcome danger" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}

/** Every journaled change to a record, newest first, with what it changed and a button to undo it (or why it cannot be). */
export function HistoryList({ entries, fieldLabel, onUndone, valueLabel = () => undefined }: HistoryListProps) {
  const show = (field: string, value: ChangeValue): string => valueLabel(field, value) ?? shown(value);
  if (entries.length === 0) return <p className="muted">No changes recorded yet.</p>;
  const now = Date.now();
  return (
    <ol className="history" aria-label="History">
      {entries.map((entry) => (
        <li key={entry.id} className={entry.undone ? 'history-entry undone' : 'history-entry'}>
          <p>
            <strong>{actionLabels[entry.action]}</strong> · {entry.label} ·{' '}
            <time dateTime={entry.at} title={formatDateTime(entry.at)}>
              {relativeTime(entry.at, now)}
            </time>
            {entry.undone && <span className="muted"> · undone</span>}
          </p>
          {entry.changes.length > 0 && (
            <ul className="history-changes">
              {entry.changes.map((change) => (
                <li key={change.field}>
                  {fieldLabel(change.field)}: {entry.action !== 'insert' && <>{show(change.field, change.before)} → </>}
                  {show(change.field, change.after)}
                </li>
              ))}
            </ul>
          )}
          <UndoButton entry={entry} onUndone={onUndone} />
        </li>
      ))}
    </ol>
  );
}
