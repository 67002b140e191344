import type { ImportSummary } from '../../../shared/contract/schemas/imports';
import type { MethodOutput } from '../../../shared/contract/methods';
import { DetailsList } from '../../components/details-list';
import { Field } from '../../components/field';
import { MappingSelect } from './mapping-select';
import { delimiterName } from './target-labels';
import { useImportForm, type ImportOrigin } from './use-import-form';

type Preview = MethodOutput<'imports.preview'>;

interface ImportPreviewProps {
  readonly file: File;
  readonly origin: ImportOrigin;
  readonly preview: Preview;
  readonly onStarted: (summary: ImportSummary) => void;
}

const describeFormat = ({ format }: Preview) =>
  [
    ['Encoding', format.encoding],
    ['Delimiter', delimiterName(format.delimiter)],
    ['Header row', format.header ? 'Yes' : 'No'],
  ] as const;

/** What the importer read from the file, the column mapping to edit, an optional tag, and the button that starts the import. */
export function ImportPreview({ file, origin, preview, onStarted }: ImportPreviewProps) {
  const { mapping, mapColumn, tagName, setTagName, start, starting, failure, issues } = useImportForm(file, origin, preview, onStarted);
  const errors = issues.byField;

  return (
    <form className="form import-form" onSubmit={start} noValidate>
      <DetailsList items={describeFormat(preview)} />
      <p>Recognised: {preview.preset.name}</p>

      <div className="table-frame">
        <table className="data-table preview-table" aria-label="Import preview">
          <thead>
            <tr>
              {preview.columns.map((column, i) => (
                <th key={i} scope="col" title={column}>
                  {column}
                </th>
              ))}
            </tr>
            <tr>
              {preview.columns.map((column, i) => (
                <td key={i}>
                  <MappingSelect column={column} value={mapping[i] ?? 'ignore'} customFields={preview.customFields} onChange={(target) => mapColumn(i, target)} />
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {preview.columns.map((_, i) => (
                  <td key={i} title={row[i]}>
                    {row[i]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.mapping && <p className="field-error">Mapping: {errors.mapping.join('; ')}</p>}

      <Field id="import-tag" label="Tag imported leads" hint="Optional: every lead this import creates or updates gets this tag." errors={errors.tagName}>
        {(control) => <input {...control} type="text" value={tagName} onChange={(e) => setTagName(e.target.value)} />}
      </Field>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={starting}>
          Start import
        </button>
        {failure && (
          <p className="form-outcome danger" role="alert">
            {failure}
          </p>
        )}
      </div>
    </form>
  );
}
