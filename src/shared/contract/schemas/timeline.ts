import { z } from 'zod';
import { id, isoTime } from './common';
import { settings } from './settings';

/** Every counter the timeline keeps per hour and dimension. */
export const timelineMetrics = [
  'jobs_performed',
  'events',
  'unique_events',
  'new_leads',
  'new_companies',
  'enrichments_performed',
  'enrichment_hits',
  'outreach_performed',
  'accepted',
  'replied',
  'auto_replied',
  'bounced',
  'unsubscribed',
  'opened',
  'clicked',
  'rule_instances_performed',
] as const;

/** One timeline counter. */
export const timelineMetric = z.enum(timelineMetrics);

/** What a counter is broken down by; without one, the totals ('all'). */
export const timelineDimension = z.strictObject({ kind: z.enum(['source', 'rule', 'sequence', 'profile']), id });

/** Most points one series call returns (a bit over a year of hours). */
export const MAX_SERIES_POINTS = 10_000;

/** Input of timeline.series: [from, to) in hours or in days of the timezone (default: the settings timezone). */
export const timelineSeriesInput = z
  .strictObject({
    metrics: z.array(timelineMetric).min(1).max(timelineMetrics.length),
    dimension: timelineDimension.optional(),
    from: isoTime,
    to: isoTime,
    step: z.enum(['hour', 'day']),
    timezone: settings.shape.timezone.optional(),
  })
  .refine((input) => Date.parse(input.from) < Date.parse(input.to), { path: ['to'], message: 'to must be after from' })
  .refine((input) => (Date.parse(input.to) - Date.parse(input.from)) / 3_600_000 <= MAX_SERIES_POINTS, {
    path: ['to'],
    message: `at most ${MAX_SERIES_POINTS} hours between from and to`,
  });

/** One step of a series: its start and each requested counter (0 when nothing happened). */
export const timelinePoint = z.object({ at: isoTime, values: z.record(z.string(), z.number().int()) });

/** Output of timeline.series. */
export const timelineSeries = z.object({ step: z.enum(['hour', 'day']), timezone: z.string(), points: z.array(timelinePoint) });

/** Where the timeline stands: whether a rebuild is still clearing marks, and when rows were last counted. */
export const timelineStatus = z.object({ rebuilding: z.boolean(), lastFoldAt: isoTime.nullable() });

/** Pushed after a pass counted rows and while a rebuild advances. */
export const timelineChangedEvent = z.object({ rebuilding: z.boolean(), counted: z.number().int().nonnegative() });

/** A timeline counter name. */
export type TimelineMetric = z.infer<typeof timelineMetric>;
/** Input of timeline.series after validation. */
export type TimelineSeriesInput = z.infer<typeof timelineSeriesInput>;
/** Output of timeline.series. */
export type TimelineSeries = z.infer<typeof timelineSeries>;
