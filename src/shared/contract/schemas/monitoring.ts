import { z } from 'zod';
import { workKinds } from '../../work-kind';
import { id, isoTime } from './common';
import { profileState } from './profiles';
import { timelineStatus } from './timeline';

/** One profile's worker process. */
export const workerSnapshot = z.object({
  profileId: id,
  profileName: z.string(),
  typeCode: z.string(),
  state: profileState,
  pid: z.number().int().nullable(),
  rssBytes: z.number().int().nullable(),
  restarts: z.number().int().nonnegative(),
  lastHeartbeatAt: isoTime.nullable(),
});

/** One main-process loop: whether it runs, how late and how long its passes are, its last failure. */
export const loopSnapshot = z.object({
  name: z.string(),
  active: z.boolean(),
  running: z.boolean(),
  passes: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  lagMs: z.number().nonnegative(),
  lastPassMs: z.number().nonnegative().nullable(),
  lastPassAt: isoTime.nullable(),
  lastError: z.object({ message: z.string(), at: isoTime }).nullable(),
});

/** Items of one kind in one status (rule instances are a kind here too). */
export const queueDepth = z.object({ kind: z.enum([...workKinds, 'rule_instance']), status: z.string(), count: z.number().int().nonnegative() });

/** Output of monitoring.snapshot. */
export const monitoringSnapshot = z.object({
  at: isoTime,
  workers: z.array(workerSnapshot),
  loops: z.array(loopSnapshot),
  queues: z.array(queueDepth),
  process: z.object({
    rssBytes: z.number().int().nonnegative(),
    heapUsedBytes: z.number().int().nonnegative(),
    heapTotalBytes: z.number().int().nonnegative(),
    uptimeSeconds: z.number().nonnegative(),
  }),
  timeline: timelineStatus,
});

/** Output of monitoring.snapshot. */
export type MonitoringSnapshot = z.infer<typeof monitoringSnapshot>;
/** One queue depth line. */
export type QueueDepth = z.infer<typeof queueDepth>;
