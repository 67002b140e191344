import { useState } from 'react';
import { AsyncView } from '../../components/async-view';
import { Panel } from '../../components/panel';
import { Screen } from '../../components/screen';
import { call } from '../../lib/call';
import { formatDateTime } from '../../lib/format-time';
import { useAsync } from '../../lib/use-async';
import { useDebouncedText } from '../../lib/use-debounced-text';
import { useSettings } from '../../stores/settings-store';
import { LawfulBasisPanel } from './lawful-basis-panel';

/** The Suppression area: one list for every channel; search, add, remove with a reason, import; compliance settings. */
export function SuppressionScreen() {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useDebouncedText(query, setQuery);
  const [removed, setRemoved] = useState(false);
  const list = useAsync(() => call('suppressions.list', { search: query || undefined, status: removed ? 'removed' : 'live', limit: 200 }), [query, removed]);
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<string>();
  const postal = useSettings((s) => s.data?.postalAddress);
  const run = async (action: () => Promise<string>) => {
    try {
      setOutcome(await action());
      list.reload();
    } catch (e) {
      setOutcome(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Screen title="Suppression list">
      <p className="muted">
        Emails, domains and LinkedIn/Facebook profiles listed here are never contacted on any channel; checked when a step is planned and again
        right before every send. Unsubscribes, hard bounces and “remove me” replies are added automatically. Postal address in email footers:{' '}
        {postal ? postal : <a href="#/settings">not set (Settings)</a>}.
      </p>
      <Panel title="Add">
        <div className="button-row">
          <input aria-label="Address to suppress" placeholder="email, domain or profile URL" value={value} onChange={(e) => setValue(e.target.value)} />
          <input aria-label="Note" placeholder="note (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
          <button
            type="button"
            className="button button-primary"
            disabled={!value.trim()}
            onClick={() =>
              void run(async () => {
                const r = await call('suppressions.add', { value, reason: 'operator', ...(note.trim() ? { note } : {}) });
                setValue('');
                return r.added ? `Added ${r.item.kind} ${r.item.value}` : `${r.item.value} was already listed`;
              })
            }
          >
            Suppress
          </button>
        </div>
        <textarea aria-label="List to import" rows={4} placeholder="Paste a list or CSV: one address per line" value={text} onChange={(e) => setText(e.target.value)} />
        <button
          type="button"
          className="button"
          disabled={!text.trim()}
          onClick={() =>
            void run(async () => {
              const r = await call('suppressions.import', { text, reason: 'operator' });
              return `Imported ${r.added}, already listed ${r.alreadyListed}${r.errors.length ? `; errors: ${r.errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`).join('; ')}` : ''}`;
            })
          }
        >
          Import list
        </button>
        {outcome && <p role="status">{outcome}</p>}
      </Panel>
      <LawfulBasisPanel />
      <div className="button-row">
        <input aria-label="Search suppressions" placeholder="Search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <label>
          <input type="checkbox" checked={removed} onChange={(e) => setRemoved(e.target.checked)} /> Show removed
        </label>
      </div>
      <AsyncView state={list} what="suppressions">
        {({ items }) => (
          <table className="data-table" aria-label="Suppressions">
            <thead>
              <tr>
                <th>Kind</th>
                <th>Value</th>
                <th>Reason</th>
                <th>Added</th>
                <th>{removed ? 'Removed because' : <span className="visually-hidden">Actions</span>}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td>{i.kind}</td>
                  <td>{i.value}</td>
                  <td>
                    {i.reason}
                    {i.note ? ` — ${i.note}` : ''}
                  </td>
                  <td>{formatDateTime(i.createdAt)}</td>
                  <td>
                    {removed ? (
                      i.removedNote
                    ) : (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => {
                          const why = window.prompt(`Why remove ${i.value} from the suppression list?`);
                          if (why?.trim()) void run(async () => (await call('suppressions.remove', { id: i.id, note: why }), `Removed ${i.value}`));
                        }}
                      >
                        Remove…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </AsyncView>
    </Screen>
  );
}
