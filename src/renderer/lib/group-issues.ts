import { describeIssues, type FieldIssue } from '../../shared/contract/format-issues';
import { ClientError } from '../api/transport';
import { toError } from './async-state';

/** Validation messages sorted by the form field they belong to, plus those that name no field of the form. */
export interface GroupedIssues<F extends string> {
  readonly byField: Partial<Record<F, readonly string[]>>;
  readonly unplaced: readonly FieldIssue[];
}

/** No issues at all. */
export const noIssues: GroupedIssues<never> = { byField: {}, unplaced: [] };

/** Sorts issues under their top-level field; a nested path keeps its tail (`start: …`) so the message says which part is wrong. */
export function groupIssues<F extends string>(issues: readonly FieldIssue[], fields: readonly F[]): GroupedIssues<F> {
  const byField: Partial<Record<F, string[]>> = {};
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    const [head = '', ...tail] = issue.path.split('.');
    const field = fields.find((f) => f === head);
    if (field === undefined) {
      unplaced.push(issue);
      continue;
    }
    const message = tail.length > 0 ? `${tail.join('.')}: ${issue.message}` : issue.message;
    (byField[field] ??= []).push(message);
  }
  return { byField, unplaced };
}

/** The issues a failed call carries, sorted under `fields`; other failures carry none. */
export const issuesOf = <F extends string>(error: unknown, fields: readonly F[]): GroupedIssues<F> =>
  error instanceof ClientError ? groupIssues(error.issues, fields) : noIssues;

/** One sentence for a failed submit: the problems no field shows, else `markedFields` when fields show them, else the error. */
export function failureMessage(error: unknown, issues: GroupedIssues<string>, markedFields: string): string {
  if (issues.unplaced.length > 0) return describeIssues(issues.unplaced);
  // Field-named problems are shown by their fields, so the summary only points at them.
  if (Object.keys(issues.byField).length > 0) return markedFields;
  return toError(error).message;
}
