/** The hour of the day a reminder set for a date falls due, local time. */
const DUE_HOUR = 9;

/** A date from a date picker (`yyyy-mm-dd`) as the ISO time a reminder falls due: that morning, local time. */
export function dueAtOf(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), DUE_HOUR).toISOString();
}
