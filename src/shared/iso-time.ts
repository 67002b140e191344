/** Milliseconds since the epoch as an ISO-8601 UTC string (the API's time format). */
export const toIso = (ms: number): string => new Date(ms).toISOString();

/** Like `toIso`, passing null through. */
export const toIsoOrNull = (ms: number | null): string | null => (ms === null ? null : toIso(ms));
