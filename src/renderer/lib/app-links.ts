import { areas, hrefOf } from '../routing/areas';
import { useLeadList } from '../stores/lead-list-store';
import { on } from './call';

/**
 * Follows the desktop's `app.open` requests (an `outpost://lead/<id>` link, a clicked notification): shows the area and
 * opens the lead. Called before the first render so a link that started the app is not missed.
 */
export function followAppLinks(): () => void {
  return on('app.open', ({ area, leadId }) => {
    const known = areas.find((a) => a.id === area);
    if (!known) return;
    if (leadId !== undefined) useLeadList.getState().select(leadId);
    window.location.hash = hrefOf(known.id);
  });
}
