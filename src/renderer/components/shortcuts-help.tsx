import { useEffect, useRef } from 'react';
import { useOverlay } from '../stores/overlay-store';

/** Every keyboard shortcut of the dashboard, as the help overlay lists it. */
export const SHORTCUTS: readonly { readonly keys: string; readonly what: string }[] = [
  { keys: 'Ctrl+K / ⌘K', what: 'Open or close the command palette: go to an area, find a lead or company, run an action' },
  { keys: '↑ ↓, Enter', what: 'Move through the palette and run the highlighted entry' },
  { keys: '?', what: 'Show this list of shortcuts' },
  { keys: 'Esc', what: 'Close the palette, this help or an open dialog' },
  { keys: 'Tab / Shift+Tab', what: 'Move between controls' },
];

/** The keyboard shortcuts help, a modal dialog opened with `?` or from the palette. */
export function ShortcutsHelp() {
  const open = useOverlay((s) => s.open === 'shortcuts');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="shortcuts-help" aria-labelledby="shortcuts-help-title" onClose={() => useOverlay.getState().show(null)}>
      <h2 id="shortcuts-help-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}
