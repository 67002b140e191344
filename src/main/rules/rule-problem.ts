/** A rule definition the store refuses: `path` names the field (`action.tagId`), `message` the problem. */
export class RuleProblem extends Error {
  override readonly name = 'RuleProblem';

  constructor(
    readonly path: string,
    message: string,
    readonly code: 'bad_request' | 'not_found' | 'conflict' = 'bad_request',
  ) {
    super(`${path}: ${message}`);
  }
}
