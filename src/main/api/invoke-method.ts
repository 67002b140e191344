import { describeIssues, formatIssues } from '../../shared/contract/format-issues';
import { methods, type MethodName } from '../../shared/contract/methods';
import { ApiError } from './api-error';
import type { Handlers } from './handler-types';

/** The one door to a handler, for REST and IPC alike: validate input, run, and shape the output by its schema. */
export async function invokeMethod(handlers: Handlers, name: MethodName, raw: unknown): Promise<unknown> {
  const spec = methods[name];
  const parsed = spec.input.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = formatIssues(parsed.error);
    throw new ApiError('bad_request', describeIssues(issues), issues);
  }
  const handler = handlers[name] as (input: unknown) => Promise<unknown>;
  // Parsing the output strips anything a handler returned beyond the contract (internal columns never leak).
  return spec.output.parse(await handler(parsed.data));
}
