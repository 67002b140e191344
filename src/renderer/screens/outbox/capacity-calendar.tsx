import type { MethodOutput } from '../../../shared/contract/methods';
import { AsyncView } from '../../components/async-view';
import type { AsyncState } from '../../lib/async-state';

type Capacity = MethodOutput<'work.capacity'>;

const dayWords = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });

/** Days across, channels down: planned against allowed, over-capacity cells marked. */
function CalendarTable({ capacity }: { readonly capacity: Capacity }) {
  const cell = new Map(capacity.cells.map((c) => [`${c.day}:${c.channel}`, c]));
  if (capacity.channels.length === 0) return <p className="muted">No profiles and nothing planned yet.</p>;
  return (
    <div className="table-frame">
      <table className="data-table capacity-table" aria-label="Capacity calendar">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            {capacity.days.map((day) => (
              <th scope="col" key={day} className="number">
                {dayWords.format(new Date(`${day}T00:00:00Z`))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {capacity.channels.map((channel) => (
            <tr key={channel}>
              <th scope="row">{channel}</th>
              {capacity.days.map((day) => {
                const c = cell.get(`${day}:${channel}`);
                const over = c !== undefined && c.allowed !== null && c.planned > c.allowed;
                return (
                  <td key={day} className={`number${over ? ' over-capacity' : ''}`} title={over ? 'More planned than the quotas allow' : undefined}>
                    {c?.planned ?? 0}
                    <span className="muted"> / {c?.allowed ?? '∞'}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The capacity calendar: per day and channel, actions planned (done or due) against what the quotas allow. */
export function CapacityCalendar({ state }: { readonly state: AsyncState<Capacity> }) {
  return <AsyncView state={state} what="the capacity calendar">{(capacity) => <CalendarTable capacity={capacity} />}</AsyncView>;
}
