import type { MonitoringSnapshot } from '../../../shared/contract/schemas/monitoring';
import { formatClock, formatDuration, formatMegabytes } from './format-figures';

/** Each profile's worker: state, pid, memory, restarts, last heartbeat. */
export function WorkersTable({ workers }: { readonly workers: MonitoringSnapshot['workers'] }) {
  if (workers.length === 0) return <p className="empty-state">No profiles yet: workers start with them.</p>;
  return (
    <div className="table-frame">
      <table className="data-table" aria-label="Workers">
        <thead>
          <tr>
            <th>Profile</th>
            <th>State</th>
            <th className="number">PID</th>
            <th className="number">Memory</th>
            <th className="number">Restarts</th>
            <th>Last heartbeat</th>
          </tr>
        </thead>
        <tbody>
          {workers.map((w) => (
            <tr key={w.profileId}>
              <td>
                {w.profileName} <span className="count">{w.typeCode}</span>
              </td>
              <td>{w.state}</td>
              <td className="number">{w.pid ?? '–'}</td>
              <td className="number">{formatMegabytes(w.rssBytes)}</td>
              <td className="number">{w.restarts}</td>
              <td>{formatClock(w.lastHeartbeatAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each main-process loop: running, lag, last pass and its duration, failures and the last error. */
export function LoopsTable({ loops }: { readonly loops: MonitoringSnapshot['loops'] }) {
  return (
    <div className="table-frame">
      <table className="data-table" aria-label="Loops">
        <thead>
          <tr>
            <th>Loop</th>
            <th>State</th>
            <th className="number">Lag</th>
            <th className="number">Last pass</th>
            <th>Last run</th>
            <th className="number">Passes</th>
            <th>Last error</th>
          </tr>
        </thead>
        <tbody>
          {loops.map((l) => (
            <tr key={l.name}>
              <td>{l.name}</td>
              <td>{l.running ? 'running' : l.active ? 'waiting' : 'stopped'}</td>
              <td className="number">{formatDuration(l.lagMs)}</td>
              <td className="number">{formatDuration(l.lastPassMs)}</td>
              <td>{formatClock(l.lastPassAt)}</td>
              <td className="number">{l.failures > 0 ? `${l.passes} (${l.failures} failed)` : l.passes}</td>
              <td>{l.lastError ? `${formatClock(l.lastError.at)}: ${l.lastError.message}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const STATUSES = ['pending', 'running', 'unknown', 'performed', 'failed', 'aborted', 'canceled'] as const;

/** Items per kind (rows) and status (columns). */
export function QueuesTable({ queues }: { readonly queues: MonitoringSnapshot['queues'] }) {
  const kinds = [...new Set(queues.map((q) => q.kind))];
  const count = (kind: string, status: string) => queues.find((q) => q.kind === kind && q.status === status)?.count ?? 0;
  if (kinds.length === 0) return <p className="empty-state">No work items yet.</p>;
  return (
    <div className="table-frame">
      <table className="data-table" aria-label="Queues">
        <thead>
          <tr>
            <th>Kind</th>
            {STATUSES.map((status) => (
              <th key={status} className="number">
                {status}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind}>
              <td>{kind.replace('_', ' ')}</td>
              {STATUSES.map((status) => (
                <td key={status} className="number">
                  {count(kind, status)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
