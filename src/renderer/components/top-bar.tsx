import { useSettings } from '../stores/settings-store';
import { editionLabels, useSystemInfo } from '../stores/system-store';

/** The bar across the top: the app name, the edition, and who is operating. */
export function TopBar() {
  const operatorName = useSettings((s) => s.data?.operatorName);
  const edition = useSystemInfo((s) => s.data?.edition);
  return (
    <header className="top-bar">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Outpost
      </span>
      {edition && <span className="edition">{editionLabels[edition]}</span>}
      {operatorName !== undefined && (
        <span className="operator">
          <span className="operator-avatar" aria-hidden="true">
            {operatorName.charAt(0).toUpperCase()}
          </span>
          <span data-testid="operator-name">{operatorName}</span>
        </span>
      )}
    </header>
  );
}
