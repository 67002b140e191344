import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id } from '../schemas/common';
import { job, jobDetail, jobsListInput } from '../schemas/sources';

/** Scrape jobs: one page of one source URL each, with what they found and why they failed. */
export const jobMethods = {
  'jobs.list': defineMethod({
    http: 'GET',
    path: '/jobs',
    summary: 'Jobs newest first, by source, status or profile; errors and failure snapshots (links to /api/v1/snapshots/<name>) included',
    input: jobsListInput,
    output: z.object({ items: z.array(job), nextBeforeId: id.nullable() }),
  }),
  'jobs.get': defineMethod({ http: 'GET', path: '/jobs/:id', summary: 'One job with the events it saw', input: z.strictObject({ id }), output: jobDetail }),
} as const;
