import { useRef, useState } from 'react';
import type { ImportSummary } from '../../../shared/contract/schemas/imports';
import { AsyncView } from '../../components/async-view';
import { Field } from '../../components/field';
import { call } from '../../lib/call';
import { blobToBase64 } from '../../lib/to-base64';
import { useAsync } from '../../lib/use-async';
import { ImportPreview } from './import-preview';
import type { ImportOrigin } from './use-import-form';

/** How much of the file the preview reads: enough for detection and the first rows (the method accepts 256 KiB). */
const SAMPLE_BYTES = 262_144;

interface NewImportProps {
  readonly onStarted: (summary: ImportSummary) => void;
}

interface FilePreviewProps extends NewImportProps {
  readonly file: File;
  readonly origin: ImportOrigin;
}

function FilePreview({ file, origin, onStarted }: FilePreviewProps) {
  const preview = useAsync(async () => call('imports.preview', { fileName: file.name, sample: await blobToBase64(file.slice(0, SAMPLE_BYTES)) }), [file]);
  return (
    <AsyncView state={preview} what="the preview">
      {(data) => <ImportPreview file={file} origin={origin} preview={data} onStarted={onStarted} />}
    </AsyncView>
  );
}

/** Choosing a CSV file, previewing how it will be read, and starting its import. */
export function NewImport({ onStarted }: NewImportProps) {
  const picker = useRef<HTMLInputElement>(null);
  // Counts choices so each file gets a fresh preview and mapping, even when the same file is chosen again.
  const [choice, setChoice] = useState({ file: undefined as File | undefined, origin: 'file' as ImportOrigin, serial: 0 });
  const [started, setStarted] = useState<string>();
  const [pasted, setPasted] = useState('');

  const choose = (file: File | undefined, origin: ImportOrigin = 'file'): void => {
    setStarted(undefined);
    setChoice((c) => ({ file, origin, serial: c.serial + 1 }));
  };

  const startedImport = (summary: ImportSummary): void => {
    onStarted(summary);
    setStarted(summary.fileName);
    setChoice((c) => ({ file: undefined, origin: 'file', serial: c.serial + 1 }));
    setPasted('');
    if (picker.current) picker.current.value = '';
  };

  return (
    <div className="form import-form">
      <Field id="import-file" label="CSV file" hint="Nothing is stored until you start the import.">
        {(control) => <input {...control} ref={picker} type="file" accept=".csv,.txt,text/csv" onChange={(e) => choose(e.target.files?.[0])} />}
      </Field>
      <Field id="import-paste" label="Or paste CSV text" hint="For a few rows copied from a spreadsheet; the first line may be a header.">
        {(control) => <textarea {...control} rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />}
      </Field>
      <button type="button" disabled={pasted.trim() === ''} onClick={() => choose(new File([pasted], 'pasted.csv', { type: 'text/csv' }), 'paste')}>
        Preview pasted text
      </button>
      {started && (
        <p className="form-outcome success" role="status">
          Import of {started} started.
        </p>
      )}
      {choice.file && <FilePreview key={choice.serial} file={choice.file} origin={choice.origin} onStarted={startedImport} />}
    </div>
  );
}
