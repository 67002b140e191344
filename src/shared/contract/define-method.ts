import type { z } from 'zod';

/** HTTP verbs the contract uses; GET inputs travel in the query string, others as a JSON body. */
export type HttpVerb = 'GET' | 'POST' | 'DELETE';

/** One contract method: a single input, a single output, and where it lives in the REST API. */
export interface MethodSpec<I extends z.ZodObject = z.ZodObject, O extends z.ZodType = z.ZodType> {
  readonly http: HttpVerb;
  /** Path below /api/v1; `:name` segments are filled from the input field of that name. */
  readonly path: string;
  readonly summary: string;
  readonly input: I;
  readonly output: O;
  /** Reachable without a key or session (still Host/Origin checked); only for data-free probes. */
  readonly public?: boolean;
  /** A larger request body than the default 1 MiB (file uploads). */
  readonly maxBodyBytes?: number;
}

/** Declares a method while keeping its exact schema types. */
export const defineMethod = <I extends z.ZodObject, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> => spec;
