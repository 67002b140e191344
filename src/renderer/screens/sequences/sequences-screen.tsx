import { useState } from 'react';
import type { SequenceDetail } from '../../../shared/contract/schemas/sequences';
import { AsyncView } from '../../components/async-view';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-live-refresh';
import { HolidaysPanel } from './holidays-panel';
import { SequenceEditor } from './sequence-editor';

/** The Sequences area: the list with enrollment counts, and the editor of a new or chosen sequence. */
export function SequencesScreen() {
  const list = useAsync(() => call('sequences.list', {}), []);
  const [editing, setEditing] = useState<SequenceDetail | 'new'>();
  useLiveRefresh(['sequences.changed'], list.reload);
  const open = async (id: number) => setEditing(await call('sequences.get', { id }));
  return (
    <Screen title="Sequences">
      {editing ? (
        <SequenceEditor
          key={editing === 'new' ? 'new' : editing.id}
          detail={editing === 'new' ? undefined : editing}
          onSaved={(saved) => {
            setEditing(saved);
            list.reload();
          }}
          onClose={() => setEditing(undefined)}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            New sequence
          </button>
        </div>
      )}
      <AsyncView state={list} what="sequences">
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">No sequences yet.</p>
          ) : (
            <table className="data-table" aria-label="Sequences">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Status</th>
                  <th className="number">Steps</th>
                  <th className="number">Active</th>
                  <th className="number">Completed</th>
                  <th className="number">Stopped</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <td>{s.name}</td>
                    <td>{s.status}</td>
                    <td className="number">{s.stepCount}</td>
                    <td className="number">{s.enrollments.active}</td>
                    <td className="number">{s.enrollments.completed}</td>
                    <td className="number">{s.enrollments.stopped}</td>
                    <td>
                      <button type="button" className="button button-small" onClick={() => void open(s.id)}>
                        Edit
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </AsyncView>
      <HolidaysPanel />
    </Screen>
  );
}
