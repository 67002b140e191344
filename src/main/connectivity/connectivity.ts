/** Whether the machine can reach the network at all (one failing server is not "offline"). */
export interface Connectivity {
  /** False while the machine is offline. */
  isOnline(): boolean;
  /** A worker reported a failure that looked like no network; the implementation probes and may switch to offline. */
  reportNetworkFailure(profileId: number): void;
}

/** Connectivity that never goes offline, for parts tested without it. */
export const alwaysOnline: Connectivity = {
  isOnline: () => true,
  reportNetworkFailure: () => undefined,
};
