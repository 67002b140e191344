import { useState } from 'react';
import { jobStatus, type Job } from '../../../shared/contract/schemas/sources';
import { Panel } from '../../components/panel';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { JobsTable } from './jobs-table';
import { useJobs } from './use-jobs';
import './jobs.css';

const LIVE_EVENTS = ['jobs.changed', 'work.changed'] as const;

/** A number from the hash's query (`#/jobs?sourceId=3`), or undefined. */
const fromHash = (name: string): number | undefined => {
  const value = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get(name);
  return value === null || !/^\d+$/.test(value) ? undefined : Number(value);
};

/** The Jobs area: every scrape job with its status, events found, errors and failure screenshots, by source, status and profile. */
export function JobsScreen() {
  const [sourceId, setSourceId] = useState(() => fromHash('sourceId'));
  const [profileId, setProfileId] = useState<number | undefined>();
  const [status, setStatus] = useState<Job['status'] | undefined>();
  const jobs = useJobs({ sourceId, profileId, status });
  const sources = useAsync(() => call('sources.list', {}), []);
  const profiles = useAsync(() => call('profiles.list', {}), []);
  useLiveRefresh(LIVE_EVENTS, jobs.reload, 2000);
  const numberOf = (value: string) => (value === '' ? undefined : Number(value));
  return (
    <Screen title="Jobs">
      <Panel title="Scrape jobs">
        <div className="toolbar">
          <label>
            Source{' '}
            <select value={sourceId ?? ''} onChange={(e) => setSourceId(numberOf(e.target.value))}>
              <option value="">Any source</option>
              {(sources.data?.items ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Status{' '}
            <select value={status ?? ''} onChange={(e) => setStatus(e.target.value === '' ? undefined : jobStatus.parse(e.target.value))}>
              <option value="">Any status</option>
              {jobStatus.options.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Profile{' '}
            <select value={profileId ?? ''} onChange={(e) => setProfileId(numberOf(e.target.value))}>
              <option value="">Any profile</option>
              {(profiles.data?.items ?? [])
                .filter((p) => p.access === 'rpa' || p.access === 'basic')
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </select>
          </label>
        </div>
        {jobs.error && (
          <div className="notice notice-error" role="alert">
            <p>Could not load the jobs: {jobs.error.message}</p>
          </div>
        )}
        {jobs.items.length === 0 && !jobs.loading ? <p className="muted">No jobs match.</p> : <JobsTable jobs={jobs.items} />}
        {jobs.hasMore && (
          <div className="button-row">
            <button type="button" className="button" onClick={jobs.more} disabled={jobs.loading}>
              Load more
            </button>
          </div>
        )}
      </Panel>
    </Screen>
  );
}
