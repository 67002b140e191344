import { call } from '../../lib/call';
import { formatDateTime } from '../../lib/format-time';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { Panel } from '../../components/panel';

/** Due reminders and manual tasks of sequences: what the operator has to do by hand today. */
export function DuePanel() {
  const reminders = useAsync(() => call('reminders.due', {}), []);
  const tasks = useAsync(() => call('approvals.tasks', { limit: 50 }), []);
  useLiveRefresh(['reminders.due', 'reminders.changed', 'sequences.changed'], () => {
    reminders.reload();
    tasks.reload();
  });
  const done = async (run: () => Promise<unknown>) => {
    await run();
    reminders.reload();
    tasks.reload();
  };
  return (
    <Panel title="Due today">
      <ul aria-label="Due reminders">
        {(reminders.data?.items ?? []).map((r) => (
          <li key={`r${r.id}`}>
            Reminder: {r.leadLabel ?? `lead ${r.leadId}`} — {r.note || 'follow up'} <span className="muted">({formatDateTime(r.dueAt)})</span>{' '}
            <button type="button" className="button button-small" onClick={() => void done(() => call('reminders.complete', { id: r.id, done: true }))}>
              Done
            </button>
          </li>
        ))}
        {(tasks.data?.items ?? []).map((t) => (
          <li key={`t${t.id}`}>
            Task: {t.subject ?? 'manual step'} for {t.leadLabel ?? `lead ${t.leadId}`} <span className="muted">({t.origin.sequenceName})</span>{' '}
            <button type="button" className="button button-small" onClick={() => void done(() => call('approvals.completeTask', { id: t.id }))}>
              Done
            </button>
          </li>
        ))}
      </ul>
      {(reminders.data?.items.length ?? 0) + (tasks.data?.items.length ?? 0) === 0 && <p className="muted">Nothing due.</p>}
    </Panel>
  );
}
