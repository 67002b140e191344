import { useRef, useState } from 'react';
import type { ImportSummary } from '../../../shared/contract/schemas/imports';
import { AsyncView } from '../../components/async-view';
import { Field } from '../../components/field';
import { call } from '../../lib/call';
import { blobToBase64 } from '../../lib/to-base64';
import { useAsync } from '../../lib/use-async';
import { ImportPreview } from './import-preview';

/** How much of the file the preview reads: enough for detection and the first rows (the method accepts 256 KiB). */
const SAMPLE_BYTES = 262_144;

interface NewImportProps {
  readonly onStarted: (summary: ImportSummary) => void;
}

interface FilePreviewProps extends NewImportProps {
  readonly file: File;
}

function FilePreview({ file, onStarted }: FilePreviewProps) {
  const preview = useAsync(async () => call('imports.preview', { fileName: file.name, sample: await blobToBase64(file.slice(0, SAMPLE_BYTES)) }), [file]);
  return (
    <AsyncView state={preview} what="the preview">
      {(data) => <ImportPreview file={file} preview={data} onStarted={onStarted} />}
    </AsyncView>
  );
}

/** Choosing a CSV file, previewing how it will be read, and starting its import. */
export function NewImport({ onStarted }: NewImportProps) {
  const picker = useRef<HTMLInputElement>(null);
  // Counts choices so each file gets a fresh preview and mapping, even when the same file is chosen again.
  const [choice, setChoice] = useState({ file: undefined as File | undefined, serial: 0 });
  const [started, setStarted] = useState<string>();

  const choose = (file: File | undefined): void => {
    setStarted(undefined);
    setChoice((c) => ({ file, serial: c.serial + 1 }));
  };

  const startedImport = (summary: ImportSummary): void => {
    onStarted(summary);
    setStarted(summary.fileName);
    setChoice((c) => ({ file: undefined, serial: c.serial + 1 }));
    if (picker.current) picker.current.value = '';
  };

  return (
    <div className="form import-form">
      <Field id="import-file" label="CSV file" hint="Nothing is stored until you start the import.">
        {(control) => <input {...control} ref={picker} type="file" accept=".csv,.txt,text/csv" onChange={(e) => choose(e.target.files?.[0])} />}
      </Field>
      {started && (
        <p className="form-outcome success" role="status">
          Import of {started} started.
        </p>
      )}
      {choice.file && <FilePreview key={choice.serial} file={choice.file} onStarted={startedImport} />}
    </div>
  );
}
