import type { FieldIssue } from '../../shared/contract/format-issues';
import type { ErrorCode } from '../../shared/contract/api-error';

/** A failed call as the dashboard sees it, whichever transport carried it. */
export class ClientError extends Error {
  override readonly name = 'ClientError';

  constructor(
    readonly code: ErrorCode | 'network',
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** How the client reaches the core: IPC in the desktop, HTTP + SSE in the browser edition. */
export interface Transport {
  invoke(name: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}
