import type { Tag } from '../../../shared/contract/schemas/tags';
import { TagRow } from './tag-row';

/** Every live tag by name with how many leads and companies carry it. */
export function TagsTable({ tags }: { readonly tags: readonly Tag[] }) {
  if (tags.length === 0) return <p className="muted">No tags yet. Tags also arrive with imports that name one.</p>;
  return (
    <div className="table-frame">
      <table className="data-table" aria-label="Tags">
        <colgroup>
          <col className="col-tag-name" />
          <col className="col-tag-count" />
          <col className="col-tag-count" />
          <col className="col-tag-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col" className="number">
              Leads
            </th>
            <th scope="col" className="number">
              Companies
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <TagRow key={tag.id} tag={tag} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
