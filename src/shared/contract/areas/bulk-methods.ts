/** Bulk actions over everything matching a filter, and CSV exports, run as background work. */
export const bulkMethods = {} as const;
