import { z } from 'zod';

/** A database id: a positive integer. */
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A point in time as an ISO-8601 string (UTC). */
export const isoTime = z.iso.datetime();

/** An empty input: methods that take nothing still take `{}` so unknown fields are refused. */
export const noInput = z.strictObject({});
