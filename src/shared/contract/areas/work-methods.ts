/** Profiles, workers and the work engine: start/stop/pause, outbox with why-waiting, monitoring. */
export const workMethods = {} as const;
