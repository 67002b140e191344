import { z } from 'zod';

/** Machine-readable error codes shared by REST, IPC and the renderer client. */
export const errorCodes = ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'payload_too_large', 'too_many_requests', 'internal', 'unavailable'] as const;

/** One of the shared error codes. */
export type ErrorCode = (typeof errorCodes)[number];

/** HTTP status for each error code. */
export const statusOfError: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
};

/** The body of every failed call: a code, a sentence for people, and per-field issues for bad input. */
export const apiErrorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** Parsed error body. */
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
