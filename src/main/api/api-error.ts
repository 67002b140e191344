import { statusOfError, type ErrorCode } from '../../shared/contract/api-error';
import type { FieldIssue } from '../../shared/contract/format-issues';

/** An error a handler or the transport raises on purpose; becomes `{error: {code, message, issues}}`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly FieldIssue[],
  ) {
    super(message);
  }

  /** The HTTP status for this error. */
  get status(): number {
    return statusOfError[this.code];
  }

  /** The wire form shared by REST and IPC. */
  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: [...this.issues] } : {}) } };
  }
}
