import type { WorkItem, WorkOutcome } from '../../shared/worker-protocol/messages';

/** Where workers' due work comes from and where its results go; every call is one main-process transaction. */
export interface WorkSource {
  /** Leases up to `max` due items assigned to the profile to this worker. */
  claim(profileId: number, workerId: string, max: number): WorkItem[];
  /** Writes an item's outcome if this worker still holds that attempt's lease; false when the lease was lost. */
  complete(workerId: string, ticket: string, outcome: WorkOutcome): boolean;
  /** Returns items whose lease ran out (a crashed or hung worker) to pending; how many it returned. */
  expireLeases(): number;
}
