import { useState, type CSSProperties, type FormEvent } from 'react';
import type { Tag } from '../../../shared/contract/schemas/tags';
import { ConfirmAction } from '../../components/confirm-action';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';
import { useTags } from '../../stores/tags-store';

const reloadTags = (): void => useTags.getState().reload();

function EditTag({ tag, onDone }: { readonly tag: Tag; readonly onDone: () => void }) {
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState(tag.color);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    call('tags.update', { id: tag.id, ...(name.trim() !== tag.name ? { name } : {}), ...(color !== tag.color ? { color } : {}) })
      .then(() => {
        reloadTags();
        onDone();
      })
      .catch((error: unknown) => setFailure(`Not saved: ${toError(error).message}`))
      .finally(() => setBusy(false));
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Edit tag ${tag.name}`}>
      <input type="text" aria-label="Tag name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
      <input type="color" aria-label="Tag colour" value={color} onChange={(e) => setColor(e.target.value)} />
      <button type="submit" className="button button-primary" disabled={busy || name.trim() === ''}>
        Save
      </button>
      <button type="button" className="button" onClick={onDone} disabled={busy}>
        Cancel
      </button>
      {failure && (
        <p className="form-outcome danger" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}

/** One tag of the catalogue: its colour, name and counts, with rename/recolour and delete. */
export function TagRow({ tag }: { readonly tag: Tag }) {
  const [editing, setEditing] = useState(false);
  return (
    <tr>
      <td className="strong" title={tag.name}>
        <span className="swatch" style={{ background: tag.color } as CSSProperties} aria-hidden="true" /> {tag.name}
      </td>
      <td className="number">{tag.leadCount}</td>
      <td className="number">{tag.companyCount}</td>
      <td className="actions-cell">
        {editing ? (
          <EditTag tag={tag} onDone={() => setEditing(false)} />
        ) : (
          <div className="button-row">
            <button type="button" className="button" onClick={() => setEditing(true)} aria-label={`Edit tag ${tag.name}`}>
              Edit
            </button>
            <ConfirmAction
              label="Delete"
              confirmLabel="Confirm delete"
              groupLabel={`Confirm deleting tag ${tag.name}`}
              warning={`${tag.name} comes off ${tag.leadCount} leads and ${tag.companyCount} companies, and leaves the catalogue.`}
              failure="The tag was not deleted"
              run={() => call('tags.delete', { id: tag.id }).then(reloadTags)}
            />
          </div>
        )}
      </td>
    </tr>
  );
}
