import { Command } from 'cmdk';
import { useState } from 'react';
import { areas, hrefOf } from '../routing/areas';
import { useCompanyList } from '../stores/company-list-store';
import { useLeadList } from '../stores/lead-list-store';
import { useOverlay } from '../stores/overlay-store';
import { paletteActions, type PaletteAction } from './command-palette-actions';
import { useRecordSearch, type FoundRecord } from './command-palette-search';
import './command-palette.css';

const matches = (label: string, text: string): boolean => label.toLowerCase().includes(text.trim().toLowerCase());

/** Shows a lead or company on its list screen with its detail pane open. */
function openRecord(record: FoundRecord): void {
  if (record.kind === 'lead') useLeadList.getState().select(record.id);
  else useCompanyList.getState().select(record.id);
  window.location.hash = hrefOf(record.kind === 'lead' ? 'leads' : 'companies');
}

/** The command palette (Ctrl/Cmd+K): go to an area, open a lead or company found by name, run a common action. */
export function CommandPalette() {
  const open = useOverlay((s) => s.open === 'palette');
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const { found, error } = useRecordSearch(open ? text : '');
  const shownAreas = areas.filter((a) => matches(a.label, text));
  const shownActions = paletteActions.filter((a) => matches(a.label, text));

  const close = (): void => {
    useOverlay.getState().show(null);
    setText('');
  };
  const runAction = (action: PaletteAction): void => {
    close();
    setFailure(null);
    Promise.resolve(action.run()).catch((e: unknown) => setFailure(`${action.label} failed: ${e instanceof Error ? e.message : String(e)}`));
  };

  return (
    <>
      {failure && (
        <p className="notice notice-error palette-failure" role="alert">
          {failure}{' '}
          <button type="button" className="button" onClick={() => setFailure(null)}>
            Dismiss
          </button>
        </p>
      )}
      <Command.Dialog
        open={open}
        onOpenChange={(next) => (next ? useOverlay.getState().show('palette') : close())}
        label="Command palette"
        shouldFilter={false}
        overlayClassName="palette-overlay"
        contentClassName="palette"
      >
        <Command.Input value={text} onValueChange={setText} placeholder="Go to, find a lead or company, or run an action…" aria-label="Command" />
        <Command.List>
          <Command.Empty>{error ? `Search failed: ${error}` : 'Nothing matches. Try a name, an area or an action.'}</Command.Empty>
          {shownAreas.length > 0 && (
            <Command.Group heading="Go to">
              {shownAreas.map((a) => (
                <Command.Item key={a.id} value={`area-${a.id}`} onSelect={() => runAction({ id: a.id, label: a.label, run: () => void (window.location.hash = hrefOf(a.id)) })}>
                  {a.label}
                </Command.Item>
              ))}
            </Command.Group>
          )}
          {found.length > 0 && (
            <Command.Group heading="Leads and companies">
              {found.map((r) => (
                <Command.Item key={`${r.kind}-${r.id}`} value={`${r.kind}-${r.id}`} onSelect={() => runAction({ id: r.kind, label: r.label, run: () => openRecord(r) })}>
                  <span className="palette-kind">{r.kind === 'lead' ? 'Lead' : 'Company'}</span> {r.label}
                  {r.detail && <span className="palette-detail"> {r.detail}</span>}
                </Command.Item>
              ))}
            </Command.Group>
          )}
          {shownActions.length > 0 && (
            <Command.Group heading="Actions">
              {shownActions.map((a) => (
                <Command.Item key={a.id} value={`action-${a.id}`} onSelect={() => runAction(a)}>
                  {a.label}
                </Command.Item>
              ))}
            </Command.Group>
          )}
        </Command.List>
      </Command.Dialog>
    </>
  );
}
