import { useState } from 'react';
import { describeIssues, type FieldIssue } from '../../shared/contract/format-issues';
import { ClientError } from '../api/transport';
import { toError } from './async-state';

/**
 * The save state of a form: the API's field issues (shown by the fields), a summary of what no field shows,
 * and whether a save is running. `isPlaced` tells which issue paths the form shows beside a field.
 */
export function useFormSave(isPlaced: (path: string) => boolean) {
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = (request: () => Promise<unknown>, onSaved: () => void): void => {
    setSaving(true);
    setFailure(undefined);
    request()
      .then(onSaved)
      .catch((error: unknown) => {
        const found = error instanceof ClientError ? error.issues : [];
        setIssues(found);
        const unplaced = found.filter((i) => !isPlaced(i.path));
        setFailure(unplaced.length > 0 ? describeIssues(unplaced) : found.length > 0 ? 'Not saved: check the fields marked above.' : toError(error).message);
      })
      .finally(() => setSaving(false));
  };

  return { issues, setIssues, failure, saving, save };
}
