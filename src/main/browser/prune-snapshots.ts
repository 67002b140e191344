import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** How long failure snapshots are kept and how much disk they may take. */
export interface SnapshotRetention {
  readonly maxAgeMs: number;
  readonly maxBytes: number;
}

/** Two weeks and 200 MB: enough to look into recent failures, bounded on a small disk. */
export const defaultSnapshotRetention: SnapshotRetention = { maxAgeMs: 14 * 86_400_000, maxBytes: 200 * 1024 * 1024 };

/** Deletes snapshots older than the retention, then the oldest ones until the folder fits its size; returns how many went. */
export async function pruneSnapshots(dir: string, now: number, retention: SnapshotRetention = defaultSnapshotRetention): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const files = (
    await Promise.all(
      names.map(async (name) => {
        const path = join(dir, name);
        const info = await stat(path).catch(() => null);
        return info?.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : null;
      }),
    )
  )
    .filter((f) => f !== null)
    .sort((a, b) => a.mtimeMs - b.mtimeMs);
  let total = files.reduce((sum, f) => sum + f.size, 0);
  let removed = 0;
  for (const f of files) {
    if (now - f.mtimeMs <= retention.maxAgeMs && total <= retention.maxBytes) break;
    await rm(f.path, { force: true });
    total -= f.size;
    removed += 1;
  }
  return removed;
}

/** Runs the pruning at most once per `everyMs` from a loop that passes more often (the sweep). */
export class SnapshotPruner {
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly dir: string,
    private readonly retention: SnapshotRetention = defaultSnapshotRetention,
    private readonly everyMs = 3_600_000,
  ) {}

  /** Prunes when due; returns how many files went (0 when not due). */
  async maybePrune(now: number): Promise<number> {
    if (now - this.lastAt < this.everyMs) return 0;
    this.lastAt = now;
    return pruneSnapshots(this.dir, now, this.retention);
  }
}
