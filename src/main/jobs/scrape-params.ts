import type { ScrapeParams } from '../../shared/contract/schemas/sources';
import type { JobSourceRow } from './job-statements';

/** What a scrape job's worker gets: the source's scrolling and delays over its type's defaults, and the event limit. */
export interface ResolvedScrapeParams extends ScrapeParams {
  readonly eventLimit?: number;
}

/** The source's own scrape params over its type's defaults. */
export function resolveScrapeParams(row: Pick<JobSourceRow, 'params' | 'type_defaults' | 'event_limit'>): ResolvedScrapeParams {
  const defaults = JSON.parse(row.type_defaults) as Record<string, unknown>;
  const own = JSON.parse(row.params) as Record<string, unknown>;
  const pick = (key: keyof ScrapeParams): number | undefined => {
    const value = own[key] ?? defaults[key];
    return typeof value === 'number' ? value : undefined;
  };
  const resolved: ResolvedScrapeParams = {
    ...own,
    scrolls: pick('scrolls'),
    scrollDelaySeconds: pick('scrollDelaySeconds'),
    pageDelaySeconds: pick('pageDelaySeconds'),
  };
  const eventLimit = row.event_limit ?? defaults.eventLimit;
  return typeof eventLimit === 'number' ? { ...resolved, eventLimit } : resolved;
}
