import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract/methods';
import { AsyncView } from '../../components/async-view';
import { ConfirmAction } from '../../components/confirm-action';
import { Panel } from '../../components/panel';
import { toError } from '../../lib/async-state';
import { call } from '../../lib/call';
import { formatDateTime } from '../../lib/format-time';
import { useAsync } from '../../lib/use-async';
import { BackupSettingsForm } from './backup-settings-form';

type BackupList = MethodOutput<'backups.list'>;

const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;

function BackupTable({ list, onRestored }: { readonly list: BackupList; readonly onRestored: () => void }) {
  if (list.backups.length === 0) return <p className="muted">No backups yet in {list.folder}.</p>;
  return (
    <div className="table-frame">
      <table className="data-table" aria-label="Backups">
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">Reason</th>
            <th scope="col">Size</th>
            <th scope="col">Restore</th>
          </tr>
        </thead>
        <tbody>
          {list.backups.map((b) => (
            <tr key={b.id}>
              <td>{formatDateTime(b.createdAt)}</td>
              <td>{b.reason}</td>
              <td>{megabytes(b.bytes)}</td>
              <td>
                <ConfirmAction
                  label="Restore…"
                  confirmLabel="Restore this backup"
                  groupLabel={`Confirm restore of the backup taken ${formatDateTime(b.createdAt)}`}
                  warning="The current database is backed up first, then replaced by this backup when Outpost next starts. Changes made after this backup are kept only in that pre-restore backup."
                  failure="The restore was not scheduled"
                  run={() => call('backups.restore', { id: b.id }).then(onRestored)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Backups: the database's health, the verified backups with restore, "Back up now", and the folder and interval. */
export function BackupsSection() {
  const list = useAsync(() => call('backups.list', {}), []);
  const settings = useAsync(() => call('backups.settings.get', {}), []);
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string }>();

  const backUpNow = () => {
    setOutcome({ ok: true, text: 'Backing up…' });
    call('backups.create', {}).then(
      (b) => {
        setOutcome({ ok: true, text: `Backed up (${megabytes(b.bytes)}, verified).` });
        list.reload();
      },
      (error: unknown) => setOutcome({ ok: false, text: `The backup failed: ${toError(error).message}` }),
    );
  };

  return (
    <Panel title="Backups">
      <AsyncView state={list} what="backups">
        {(data) => (
          <>
            {!data.databaseOk && (
              <div className="notice notice-error" role="alert">
                <p>The database failed its integrity check at startup ({data.problems.slice(0, 3).join('; ')}). Changes are refused: restore a backup below.</p>
              </div>
            )}
            {data.restorePending && (
              <p className="notice" role="status">
                Restore of {data.restorePending} is pending: restart Outpost to apply it.
              </p>
            )}
            <BackupTable list={data} onRestored={list.reload} />
          </>
        )}
      </AsyncView>
      <div className="button-row">
        <button type="button" className="button" onClick={backUpNow}>
          Back up now
        </button>
        {outcome && (
          <p className={`form-outcome${outcome.ok ? '' : ' danger'}`} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </p>
        )}
      </div>
      <AsyncView state={settings} what="backup settings">
        {(data) => <BackupSettingsForm settings={data} onSaved={settings.reload} />}
      </AsyncView>
    </Panel>
  );
}
