import { useState } from 'react';
import { Panel } from '../../components/panel';
import { call } from '../../lib/call';
import { useSettings } from '../../stores/settings-store';

/** The holidays that sequence delays do not count as sending days (operator settings). */
export function HolidaysPanel() {
  const settings = useSettings((s) => s.data);
  const [text, setText] = useState<string>();
  const [outcome, setOutcome] = useState<string>();
  const shown = text ?? settings?.holidays.join(', ') ?? '';
  const save = async () => {
    try {
      const holidays = shown.split(/[\s,]+/).filter(Boolean);
      await call('settings.update', { holidays });
      setOutcome('Saved');
      setText(undefined);
    } catch (e) {
      setOutcome(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Panel title="Sending days">
      <p className="muted">
        Delays count {settings ? settings.sendingDays.join(', ') : 'the sending days'} ({settings?.timezone ?? 'UTC'}) and skip these holidays.
      </p>
      <div className="button-row">
        <input aria-label="Holidays" placeholder="2026-12-25, 2027-01-01" value={shown} onChange={(e) => setText(e.target.value)} />
        <button type="button" className="button" onClick={() => void save()}>
          Save holidays
        </button>
      </div>
      {outcome && <p role="status">{outcome}</p>}
    </Panel>
  );
}
