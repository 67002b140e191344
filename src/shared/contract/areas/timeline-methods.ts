import { defineMethod } from '../define-method';
import { noInput } from '../schemas/common';
import { timelineSeries, timelineSeriesInput, timelineStatus } from '../schemas/timeline';

/** The timeline: hourly counters per source, rule, sequence and profile, read as series, rebuilt from scratch on demand. */
export const timelineMethods = {
  'timeline.series': defineMethod({
    http: 'GET',
    path: '/timeline/series',
    summary:
      'Counters (jobs, events, leads, enrichments, outreach sent, replies, bounces, opens, ...) per hour or per day of a timezone over [from, to), ' +
      'in total or for one source, rule, sequence or profile; every step is present (0 when nothing happened)',
    input: timelineSeriesInput,
    output: timelineSeries,
  }),
  'timeline.rebuild': defineMethod({
    http: 'POST',
    path: '/timeline/rebuild',
    summary: 'Delete every counter and count every row again, in the background; progress arrives as timeline.changed events',
    input: noInput,
    output: timelineStatus,
  }),
} as const;
