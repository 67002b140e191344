import { useState, type FormEvent } from 'react';
import type { ImportSummary } from '../../../shared/contract/schemas/imports';
import type { MethodOutput } from '../../../shared/contract/methods';
import { call } from '../../lib/call';
import { failureMessage, issuesOf, noIssues, type GroupedIssues } from '../../lib/group-issues';
import { blobToBase64 } from '../../lib/to-base64';

/** The fields of the import form that can show their own errors (also the names `ClientError.issues` use). */
const importFields = ['mapping', 'tagName'] as const;

type ImportField = (typeof importFields)[number];

/** The import form's state: where each column goes, the tag, the start in flight, and why it failed. */
export interface ImportForm {
  readonly mapping: readonly string[];
  readonly mapColumn: (index: number, target: string) => void;
  readonly tagName: string;
  readonly setTagName: (tagName: string) => void;
  readonly start: (event: FormEvent) => void;
  readonly starting: boolean;
  readonly failure: string | undefined;
  readonly issues: GroupedIssues<ImportField>;
}

/** Where an import's text comes from: a chosen file or text pasted into the form. */
export type ImportOrigin = 'file' | 'paste';

/** Edits the mapping the preview suggested and starts the import with the whole file. */
export function useImportForm(file: File, origin: ImportOrigin, preview: MethodOutput<'imports.preview'>, onStarted: (summary: ImportSummary) => void): ImportForm {
  const [mapping, setMapping] = useState<readonly string[]>(() => preview.columns.map((_, i) => preview.mapping[i] ?? 'ignore'));
  const [tagName, setTagName] = useState('');
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [issues, setIssues] = useState<GroupedIssues<ImportField>>(noIssues);

  const mapColumn = (index: number, target: string): void => setMapping((m) => m.map((t, i) => (i === index ? target : t)));

  const start = (event: FormEvent): void => {
    event.preventDefault();
    setStarting(true);
    setFailure(undefined);
    const tag = tagName.trim();
    blobToBase64(file)
      .then((content) => call('imports.create', { fileName: file.name, content, origin, mapping: [...mapping], ...(tag ? { tagName: tag } : {}) }))
      .then((summary) => {
        setIssues(noIssues);
        onStarted(summary);
      })
      .catch((error: unknown) => {
        const grouped = issuesOf(error, importFields);
        setIssues(grouped);
        setFailure(failureMessage(error, grouped, 'Not started: check the fields marked below.'));
      })
      .finally(() => setStarting(false));
  };

  return { mapping, mapColumn, tagName, setTagName, start, starting, failure, issues };
}
