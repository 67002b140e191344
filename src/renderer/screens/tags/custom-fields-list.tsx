import type { CustomField } from '../../../shared/contract/schemas/custom-fields';
import { ConfirmAction } from '../../components/confirm-action';
import { call } from '../../lib/call';
import { describeCustomField } from '../lead-detail/custom-field-hint';

interface CustomFieldsListProps {
  readonly title: string;
  readonly fields: readonly CustomField[];
  readonly onDeleted: () => void;
}

/** The custom fields of one kind of record, each with its type and limits and a delete button. */
export function CustomFieldsList({ title, fields, onDeleted }: CustomFieldsListProps) {
  return (
    <section className="detail-section" aria-label={title}>
      <h3>{title}</h3>
      {fields.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="custom-fields">
          {fields.map((field) => (
            <li key={field.id}>
              <div>
                <span className="strong">{field.name}</span> <span className="muted">· {describeCustomField(field)}</span>
              </div>
              <ConfirmAction
                label="Delete"
                confirmLabel="Confirm delete"
                groupLabel={`Confirm deleting field ${field.name}`}
                warning={`${field.name} and its values stop showing on every record.`}
                failure="The field was not deleted"
                run={() => call('customFields.delete', { id: field.id }).then(onDeleted)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
