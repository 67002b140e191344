const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** How long ago `iso` was, roughly ("just now", "5 min ago", "2 h ago", "3 d ago"), or its date after a month. */
export function relativeTime(iso: string, now: number): string {
  const then = Date.parse(iso);
  const ago = Math.max(0, now - then);
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  if (ago < 30 * DAY) return `${Math.floor(ago / DAY)} d ago`;
  return dateFormat.format(new Date(then));
}
