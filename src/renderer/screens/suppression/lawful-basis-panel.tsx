import { useState } from 'react';
import { Panel } from '../../components/panel';
import { call } from '../../lib/call';

/** Reads and writes one lead's lawful-basis note (why contacting an EU contact is lawful). */
export function LawfulBasisPanel() {
  const [leadId, setLeadId] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<string>();
  const run = async (action: () => Promise<string>) => {
    try {
      setOutcome(await action());
    } catch (e) {
      setOutcome(e instanceof Error ? e.message : String(e));
    }
  };
  const id = Number(leadId);
  return (
    <Panel title="Lawful basis (EU contacts)">
      <div className="button-row">
        <input aria-label="Lead id" placeholder="lead id" value={leadId} onChange={(e) => setLeadId(e.target.value)} />
        <button type="button" className="button" disabled={!(id > 0)} onClick={() => void run(async () => {
          const r = await call('compliance.lawfulBasis', { leadId: id });
          setNote(r.note ?? '');
          return r.note ? 'Loaded' : 'No note yet';
        })}>
          Load
        </button>
        <input aria-label="Lawful basis" placeholder="e.g. legitimate interest: …" value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" className="button" disabled={!(id > 0)} onClick={() => void run(async () => {
          await call('compliance.setLawfulBasis', { leadId: id, note: note.trim() || null });
          return 'Saved';
        })}>
          Save
        </button>
      </div>
      {outcome && <p role="status">{outcome}</p>}
    </Panel>
  );
}
