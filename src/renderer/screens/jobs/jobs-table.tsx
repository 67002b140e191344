import type { Job } from '../../../shared/contract/schemas/sources';
import { formatDateTime } from '../../lib/format-time';

const statusWords: Record<Job['status'], string> = {
  pending: 'Waiting',
  running: 'Running',
  performed: 'Done',
  failed: 'Failed',
  aborted: 'Aborted',
  canceled: 'Canceled',
};

/** Scrape jobs: status, what each found, its error and the screenshot of the page it failed on. */
export function JobsTable({ jobs }: { readonly jobs: readonly Job[] }) {
  return (
    <table className="data-table jobs-table">
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Status</th>
          <th scope="col">Events found</th>
          <th scope="col">New leads</th>
          <th scope="col">Error</th>
          <th scope="col">Screenshot</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((j) => (
          <tr key={j.id} data-job-id={j.id} data-status={j.status}>
            <td>
              <span className="strong">
                {j.sourceName} · page {j.page}
              </span>
              <p className="muted" title={j.url}>
                #{j.id} · {formatDateTime(j.finishedAt ?? j.dueAt)}
              </p>
            </td>
            <td>{statusWords[j.status]}</td>
            <td>
              <span className="job-events">{j.eventsNew}</span> new of {j.eventsSeen}
            </td>
            <td>
              {j.leadsNew} leads · {j.companiesNew} companies
            </td>
            <td>{j.errorText ?? <span className="muted">None</span>}</td>
            <td>
              {j.snapshot?.screenshot ? (
                <a href={j.snapshot.screenshot} target="_blank" rel="noreferrer">
                  <img className="snapshot-thumb" src={j.snapshot.screenshot} alt={`Screenshot of job ${j.id}`} loading="lazy" />
                </a>
              ) : (
                <span className="muted">—</span>
              )}
              {j.snapshot?.html && (
                <a href={j.snapshot.html} target="_blank" rel="noreferrer">
                  {' '}
                  HTML
                </a>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
