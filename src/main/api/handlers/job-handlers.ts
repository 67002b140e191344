import type { jobMethods } from '../../../shared/contract/areas/job-methods';
import { JobsRepo } from '../../jobs/jobs-repo';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

/** Scrape jobs: a filtered page, and one job with its events. */
export const jobHandlers = (s: Services): Pick<Handlers, keyof typeof jobMethods> => {
  const repo = new JobsRepo(s.store.sqlite);
  return {
    'jobs.list': async (filter) => repo.list(filter),
    'jobs.get': async ({ id }) => {
      const job = repo.get(id);
      if (!job) throw new ApiError('not_found', `id: no job ${id}`);
      return job;
    },
  };
};
