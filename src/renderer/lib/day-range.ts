/** The ISO time a day picked in a date input (`2025-03-12`) starts at, local time. */
export const dayStartIso = (day: string): string => new Date(`${day}T00:00:00`).toISOString();

/** The ISO time of the last millisecond of a picked day, local time, so a range "to" that day includes it. */
export const dayEndIso = (day: string): string => new Date(`${day}T23:59:59.999`).toISOString();

/** The local day (`2025-03-12`) an ISO time falls on, for a date input's value. */
export function isoToDay(iso: string | undefined): string {
  if (iso === undefined) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
