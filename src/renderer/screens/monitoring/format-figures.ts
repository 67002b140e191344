/** Bytes as MB with one decimal ("42.5 MB"), or a dash when unknown. */
export const formatMegabytes = (bytes: number | null): string => (bytes === null ? '–' : `${(bytes / 1_048_576).toFixed(1)} MB`);

/** Milliseconds rounded for people ("12 ms", "1.4 s"), or a dash when unknown. */
export const formatDuration = (ms: number | null): string => {
  if (ms === null) return '–';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
};

const clockFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** An ISO time as the local time of day ("14:03:07"), or a dash when unknown: monitoring looks at the last minutes. */
export const formatClock = (iso: string | null): string => (iso === null ? '–' : clockFormat.format(new Date(iso)));
