import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id, noInput } from '../schemas/common';
import { source, sourceCreate, sourceType, sourceUpdate } from '../schemas/sources';

/** Sources: URLs scraped on a cadence by browser profiles, validated against their site pack's patterns. */
export const sourceMethods = {
  'sources.types': defineMethod({
    http: 'GET',
    path: '/source-types',
    summary: 'Source types with the URL pattern their URLs must match (from the site pack when there is one), defaults and pack version',
    input: noInput,
    output: z.object({ items: z.array(sourceType) }),
  }),
  'sources.list': defineMethod({ http: 'GET', path: '/sources', summary: 'Live sources with their URLs and job counts', input: noInput, output: z.object({ items: z.array(source) }) }),
  'sources.get': defineMethod({ http: 'GET', path: '/sources/:id', summary: 'One source', input: z.strictObject({ id }), output: source }),
  'sources.create': defineMethod({
    http: 'POST',
    path: '/sources',
    summary: "Add a source; every URL must match its type's pattern (an error names the URL and its line); limits default to the type's",
    input: sourceCreate,
    output: source,
  }),
  'sources.update': defineMethod({
    http: 'POST',
    path: '/sources/:id',
    summary: 'Change a source: name, URLs (validated like create), cadence, limits, scrolling and delays, tag, profile, active',
    input: sourceUpdate,
    output: source,
  }),
  'sources.delete': defineMethod({
    http: 'POST',
    path: '/sources/:id/delete',
    summary: 'Delete a source (kept for the history of its jobs and events); its pending jobs are canceled',
    input: z.strictObject({ id }),
    output: z.object({ deleted: z.literal(true) }),
  }),
} as const;
