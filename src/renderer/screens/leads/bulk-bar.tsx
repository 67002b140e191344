import { useId, useState } from 'react';
import type { LeadFilter } from '../../../shared/contract/schemas/lead-filter';
import type { Tag } from '../../../shared/contract/schemas/tags';
import { ConfirmAction } from '../../components/confirm-action';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';
import { compactFilter } from '../../lib/list-hash';
import { describeBulk } from './bulk-progress';
import { isRunning, useBulkOperation, type BulkRequest } from './use-bulk-operation';

interface BulkBarProps {
  readonly filter: LeadFilter;
  /** How many leads match, so the operator knows how many an action touches. */
  readonly total: number;
  readonly tags: readonly Tag[];
}

const leadsLabel = (n: number): string => `${n.toLocaleString()} ${n === 1 ? 'lead' : 'leads'}`;

/** The tag with this name (any case), created first when `create` and there is none. */
async function resolveTag(name: string, tags: readonly Tag[], create: boolean): Promise<number> {
  const found = tags.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
  if (found) return found.id;
  if (!create) throw new Error(`there is no tag named "${name.trim()}"`);
  return (await call('tags.create', { name })).id;
}

/** Actions on every lead matching the filter (not just the loaded rows): tag, untag, export, delete, with progress, cancel and undo. */
export function BulkBar({ filter, total, tags }: BulkBarProps) {
  const [selected, setSelected] = useState(false);
  const [tagName, setTagName] = useState('');
  const [tagError, setTagError] = useState<string | null>(null);
  const bulk = useBulkOperation();
  const listId = useId();
  const op = bulk.operation;
  const running = op !== null && isRunning(op);
  const matching = compactFilter(filter);

  const startWithTag = async (kind: 'add_tag' | 'remove_tag'): Promise<void> => {
    setTagError(null);
    try {
      const tagId = await resolveTag(tagName, tags, kind === 'add_tag');
      await bulk.start({ kind, tagId }, matching);
    } catch (thrown) {
      setTagError(toError(thrown).message);
    }
  };
  const start = (request: BulkRequest): Promise<void> => bulk.start(request, matching);

  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      <label className="inline-label select-all">
        <input type="checkbox" checked={selected} onChange={(e) => setSelected(e.target.checked)} disabled={total === 0} />
        Select all {leadsLabel(total)} matching
      </label>
      {selected && (
        <div className="button-row">
          <input
            type="text"
            className="bulk-tag"
            aria-label="Tag for the selected leads"
            placeholder="Tag name"
            list={listId}
            value={tagName}
            onChange={(e) => setTagName(e.target.value)}
          />
          <datalist id={listId}>
            {tags.map((t) => (
              <option key={t.id} value={t.name} />
            ))}
          </datalist>
          <button type="button" className="button" disabled={running || !tagName.trim()} onClick={() => void startWithTag('add_tag')}>
            Add tag
          </button>
          <button type="button" className="button" disabled={running || !tagName.trim()} onClick={() => void startWithTag('remove_tag')}>
            Remove tag
          </button>
          <button type="button" className="button" disabled={running} onClick={() => void start({ kind: 'export' })}>
            Export CSV
          </button>
          {!running && (
            <ConfirmAction
              label="Delete"
              confirmLabel={`Delete ${leadsLabel(total)}`}
              groupLabel="Confirm deleting the selected leads"
              warning={`All ${leadsLabel(total)} matching the filter are deleted. Undo brings them back.`}
              failure="The leads were not deleted"
              run={() => start({ kind: 'delete' })}
            />
          )}
        </div>
      )}
      {(tagError ?? bulk.error) && (
        <p className="form-outcome danger" role="alert">
          {tagError ?? bulk.error}
        </p>
      )}
      {op && (
        <div className="bulk-progress" role="status" aria-label="Bulk progress">
          <span>{describeBulk(op)}</span>
          {running && <progress aria-label="Bulk action progress" max={Math.max(op.total, 1)} value={op.done} />}
          {running && (
            <button type="button" className="button button-small" onClick={bulk.cancel}>
              Cancel
            </button>
          )}
          {op.downloadPath && (
            <a className="button button-small" href={op.downloadPath} download>
              Download CSV
            </a>
          )}
          {!running && op.kind !== 'export' && op.undoneAt === null && op.status !== 'failed' && (
            <button type="button" className="button button-small" onClick={() => void bulk.undo()}>
              Undo
            </button>
          )}
          {!running && (
            <button type="button" className="button button-small" onClick={bulk.dismiss}>
              Dismiss
            </button>
          )}
        </div>
      )}
    </section>
  );
}
