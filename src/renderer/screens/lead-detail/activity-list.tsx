import type { z } from 'zod';
import type { activityEntry } from '../../../shared/contract/schemas/lead-detail';
import { formatDateTime } from '../../lib/format-time';

type Activity = z.infer<typeof activityEntry>;

const directionLabels: Record<Activity['direction'], string> = { outgoing: 'Sent', incoming: 'Received', accepted: 'Accepted' };

/** The outreach to and from a lead, newest first. */
export function ActivityList({ activity }: { readonly activity: readonly Activity[] }) {
  if (activity.length === 0) return <p className="muted">No activity yet.</p>;
  return (
    <ul className="activity" aria-label="Activity">
      {activity.map((item) => (
        <li key={item.id}>
          <time dateTime={item.at}>{formatDateTime(item.at)}</time> · {directionLabels[item.direction]} · {item.channel}
          {item.subject && <> · {item.subject}</>} <span className="muted">({item.incomingKind ?? item.status})</span>
        </li>
      ))}
    </ul>
  );
}
