import type { ProvenanceEntry } from '../../../shared/contract/schemas/provenance';
import type { FieldGroup, FieldKind, FieldValue } from './field-groups';
import { ProvenanceNote } from './provenance-note';

interface RecordFieldsProps<K extends string> {
  readonly groups: readonly FieldGroup<K>[];
  readonly record: Record<K, FieldValue>;
  readonly provenance: Record<string, ProvenanceEntry>;
}

function FieldText({ value, kind }: { readonly value: FieldValue; readonly kind: FieldKind | undefined }) {
  if (value === null || value === '') return <span className="muted">—</span>;
  const text = String(value);
  if (kind === 'email') return <a href={`mailto:${text}`}>{text}</a>;
  if (kind === 'url' && /^https?:\/\//i.test(text)) {
    return (
      <a href={text} target="_blank" rel="noreferrer">
        {text}
      </a>
    );
  }
  return <>{kind === 'count' ? Number(value).toLocaleString() : text}</>;
}

/** A record's fields under their group headings, each value with who set it and when. */
export function RecordFields<K extends string>({ groups, record, provenance }: RecordFieldsProps<K>) {
  return (
    <div className="detail-groups">
      {groups.map((group) => (
        <section key={group.title} className="detail-group" aria-label={group.title}>
          <h3>{group.title}</h3>
          <dl className="details">
            {group.fields.map((field) => (
              <div key={field.key} className="details-row">
                <dt>{field.label}</dt>
                <dd>
                  <FieldText value={record[field.key]} kind={field.kind} />
                  {record[field.key] !== null && <ProvenanceNote entry={provenance[field.key]} />}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
