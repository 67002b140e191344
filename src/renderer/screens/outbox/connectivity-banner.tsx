import { useEffect, useState } from 'react';
import type { ConnectivityView } from '../../../shared/contract/schemas/outbox';
import { call, on } from '../../lib/call';
import { formatDateTime } from '../../lib/format-time';

const catchUpWords = (view: ConnectivityView): string | null => {
  const c = view.catchUp;
  if (!c) return null;
  const cause = c.cause === 'wake' ? 'After the computer woke up' : 'After the network came back';
  if (c.items === 0) return `${cause} (${formatDateTime(c.at)}), nothing had been missed.`;
  const span = c.firstAt && c.lastAt ? ` between ${formatDateTime(c.firstAt)} and ${formatDateTime(c.lastAt)}` : '';
  return `${cause} (${formatDateTime(c.at)}), ${c.items} missed item${c.items === 1 ? ' was' : 's were'} re-planned${span}, within quotas.`;
};

/** Offline state and the last catch-up plan, live from `connectivity.changed`. */
export function ConnectivityBanner() {
  const [view, setView] = useState<ConnectivityView | null>(null);
  useEffect(() => {
    let current = true;
    call('connectivity.get', {}).then(
      (v) => current && setView(v),
      () => undefined,
    );
    const off = on('connectivity.changed', (v) => setView(v));
    return () => {
      current = false;
      off();
    };
  }, []);
  if (!view) return null;
  const catchUp = catchUpWords(view);
  if (!view.online) {
    return (
      <div className="notice notice-error outbox-banner" role="status" aria-label="Connectivity">
        <p>
          <strong>Offline</strong> since {formatDateTime(view.since)}. Nothing that needs the network is attempted and nothing fails for it; missed sends are
          re-planned into the next allowed windows when the network is back.
          {view.nextProbeAt && ` Next check ${formatDateTime(view.nextProbeAt)}.`}
        </p>
      </div>
    );
  }
  if (!catchUp) return null;
  return (
    <div className="notice notice-warning outbox-banner" role="status" aria-label="Connectivity">
      <p>{catchUp}</p>
    </div>
  );
}
