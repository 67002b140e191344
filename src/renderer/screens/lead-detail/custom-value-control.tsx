import type { CustomField } from '../../../shared/contract/schemas/custom-fields';
import type { ControlProps } from '../../components/field';

interface CustomValueControlProps {
  readonly field: CustomField;
  readonly control: ControlProps;
  readonly value: string;
  readonly onChange: (text: string) => void;
}

/** The control that fits a custom field's type: yes/no menu, date picker, long text area, or a text box. */
export function CustomValueControl({ field, control, value, onChange }: CustomValueControlProps) {
  switch (field.type) {
    case 'boolean':
      return (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Not set</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      );
    case 'date':
      // The native picker always yields yyyy-mm-dd, which the core accepts whatever the field's import format.
      return <input {...control} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'text':
      return <textarea {...control} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'integer':
    case 'float':
      return <input {...control} type="text" inputMode={field.type === 'integer' ? 'numeric' : 'decimal'} value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'string':
      return <input {...control} type="text" value={value} onChange={(e) => onChange(e.target.value)} />;
  }
}
