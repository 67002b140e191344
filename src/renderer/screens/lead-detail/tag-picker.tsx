import { useEffect, useId, useState, type FormEvent } from 'react';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';
import { useTags } from '../../stores/tags-store';
import { findTag } from './find-tag';

interface TagPickerProps {
  /** Names the record in the control's label ("Add a tag to Ada Lovelace"). */
  readonly recordName: string;
  /** Ids of the tags the record already has, which the suggestions leave out. */
  readonly applied: readonly number[];
  readonly add: (tagId: number) => Promise<unknown>;
}

/** A name box suggesting existing tags; an unknown name creates the tag before adding it. */
export function TagPicker({ recordName, applied, add }: TagPickerProps) {
  const listId = useId();
  const catalogue = useTags();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const tags = catalogue.data ?? [];

  useEffect(() => {
    if (useTags.getState().data === undefined) useTags.getState().reload();
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (name.trim() === '') return;
    setBusy(true);
    setFailure(undefined);
    const known = findTag(tags, name);
    (known ? Promise.resolve(known) : call('tags.create', { name }))
      .then((tag) => add(tag.id))
      .then(() => {
        setName('');
        catalogue.reload();
      })
      .catch((error: unknown) => setFailure(`The tag was not added: ${toError(error).message}`))
      .finally(() => setBusy(false));
  };

  const willCreate = name.trim() !== '' && catalogue.data !== undefined && !findTag(tags, name);
  return (
    <form className="tag-picker" onSubmit={submit}>
      <input
        type="text"
        list={listId}
        aria-label={`Add a tag to ${recordName}`}
        placeholder="Add a tag…"
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={80}
      />
      <datalist id={listId}>
        {tags
          .filter((tag) => !applied.includes(tag.id))
          .map((tag) => (
            <option key={tag.id} value={tag.name} />
          ))}
      </datalist>
      <button type="submit" className="button" disabled={busy || name.trim() === ''}>
        {willCreate ? 'Create and add' : 'Add'}
      </button>
      {failure && (
        <p className="form-outcome danger" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
