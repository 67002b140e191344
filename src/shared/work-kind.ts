/** The kinds of durable work item a profile's worker performs, one table each. */
export const workKinds = ['job', 'enrichment', 'outreach', 'inbox_check', 'connection_check'] as const;

/** One kind of durable work item. */
export type WorkKind = (typeof workKinds)[number];
