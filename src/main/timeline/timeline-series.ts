import type { Database } from 'better-sqlite3';
import { DateTime } from 'luxon';
import type { TimelineSeries, TimelineSeriesInput } from '../../shared/contract/schemas/timeline';
import { toIso } from '../../shared/iso-time';

const HOUR = 3_600_000;

/** Starts of the steps covering [from, to): whole UTC hours, or local midnights in `timezone`. */
function stepStarts(from: number, to: number, step: 'hour' | 'day', timezone: string): number[] {
  const starts: number[] = [];
  if (step === 'hour') {
    for (let at = Math.floor(from / HOUR) * HOUR; at < to; at += HOUR) starts.push(at);
    return starts;
  }
  for (let day = DateTime.fromMillis(from, { zone: timezone }).startOf('day'); day.toMillis() < to; day = day.plus({ days: 1 })) starts.push(day.toMillis());
  return starts;
}

/** Reads counters from the hourly buckets as one point per step; a day sums the hours that start in it (local time). */
export function readSeries(sqlite: Database, input: TimelineSeriesInput, timezone: string): TimelineSeries {
  const starts = stepStarts(Date.parse(input.from), Date.parse(input.to), input.step, timezone);
  const first = starts[0] ?? Date.parse(input.from);
  const rows = sqlite
    .prepare<unknown[], { bucket_at: number; metric: string; value: number }>(
      `SELECT bucket_at, metric, value FROM timeline_buckets
       WHERE dimension_kind = ? AND dimension_id = ? AND bucket_at >= ? AND bucket_at < ? AND metric IN (SELECT value FROM json_each(?))
       ORDER BY bucket_at`,
    )
    .all(input.dimension?.kind ?? 'all', input.dimension?.id ?? 0, first, Date.parse(input.to), JSON.stringify(input.metrics));
  const points = starts.map((at) => ({ at: toIso(at), values: Object.fromEntries(input.metrics.map((m) => [m, 0])) as Record<string, number> }));
  let index = 0;
  for (const row of rows) {
    while (index + 1 < starts.length && starts[index + 1]! <= row.bucket_at) index++;
    const point = points[index];
    if (point) point.values[row.metric] = (point.values[row.metric] ?? 0) + row.value;
  }
  return { step: input.step, timezone, points };
}
