import type { BackupReason } from '../../shared/contract/schemas/backups';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One tier of scheduled retention: the newest backup of each `bucketMs` slot younger than `spanMs` is kept. */
export interface RetentionTier {
  readonly spanMs: number;
  readonly bucketMs: number;
}

/** How many backups of each kind to keep. */
export interface RetentionPolicy {
  readonly scheduled: readonly RetentionTier[];
  /** Manual and pre-* backups: the newest N of each reason. */
  readonly keepLastPerReason: number;
}

/** Hourly for a day, daily for a week, weekly for a month; the last 5 manual and of each pre-* reason. */
export const defaultRetention: RetentionPolicy = {
  scheduled: [
    { spanMs: DAY, bucketMs: HOUR },
    { spanMs: 7 * DAY, bucketMs: DAY },
    { spanMs: 30 * DAY, bucketMs: 7 * DAY },
  ],
  keepLastPerReason: 5,
};

/** What retention needs to know about a backup. */
export interface RetainedItem {
  readonly id: string;
  readonly at: number;
  readonly reason: BackupReason;
}

/** The ids to delete under a policy at `now`. The newest backup is always kept; buckets are aligned to the epoch so the kept set is stable as time passes. */
export function backupsToPrune(items: readonly RetainedItem[], now: number, policy: RetentionPolicy = defaultRetention): string[] {
  const newestFirst = [...items].sort((a, b) => b.at - a.at);
  const keep = new Set<string>(newestFirst.slice(0, 1).map((b) => b.id));
  const seenBuckets = new Set<string>();
  const perReason = new Map<BackupReason, number>();
  for (const b of newestFirst) {
    if (b.reason !== 'scheduled') {
      const n = (perReason.get(b.reason) ?? 0) + 1;
      perReason.set(b.reason, n);
      if (n <= policy.keepLastPerReason) keep.add(b.id);
      continue;
    }
    policy.scheduled.forEach((tier, i) => {
      if (now - b.at > tier.spanMs) return;
      const bucket = `${i}:${Math.floor(b.at / tier.bucketMs)}`;
      if (seenBuckets.has(bucket)) return;
      seenBuckets.add(bucket);
      keep.add(b.id);
    });
  }
  return newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id);
}
