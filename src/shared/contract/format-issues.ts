import type { z } from 'zod';

/** One validation problem, named by its dotted field path. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** Turns a zod error into field-named issues (`limit: Too big…`, `colour: unknown field`). */
export function formatIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'unknown field' }));
    }
    return [{ path: base || '(input)', message: issue.message }];
  });
}

/** One sentence naming every bad field, for error messages. */
export const describeIssues = (issues: readonly FieldIssue[]): string =>
  `invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
