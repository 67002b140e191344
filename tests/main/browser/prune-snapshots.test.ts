import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneSnapshots, SnapshotPruner } from '../../../src/main/browser/prune-snapshots';
import { tempDir } from '../../helpers/temp-dir';

const DAY = 86_400_000;

function file(dir: string, name: string, bytes: number, ageDays: number, now: number): void {
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(bytes));
  const t = (now - ageDays * DAY) / 1000;
  utimesSync(path, t, t);
}

describe('snapshot pruning', () => {
  it('removes snapshots older than the retention, then the oldest until the folder fits its size', async () => {
    const dir = tempDir();
    const now = Date.now();
    file(dir, 'old.png', 10, 20, now);
    file(dir, 'a.png', 400, 5, now);
    file(dir, 'b.html', 400, 3, now);
    file(dir, 'c.png', 400, 1, now);
    expect(await pruneSnapshots(dir, now, { maxAgeMs: 14 * DAY, maxBytes: 1_000 })).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['b.html', 'c.png']);
    expect(await pruneSnapshots(dir, now, { maxAgeMs: 14 * DAY, maxBytes: 1_000 })).toBe(0);
    expect(await pruneSnapshots(join(dir, 'missing'), now)).toBe(0);
    expect(statSync(join(dir, 'c.png')).size).toBe(400);
  });

  it('runs at most once per interval', async () => {
    const dir = tempDir();
    const now = Date.now();
    const pruner = new SnapshotPruner(dir, { maxAgeMs: DAY, maxBytes: 1_000_000 }, 3_600_000);
    file(dir, 'x.png', 1, 2, now);
    expect(await pruner.maybePrune(now)).toBe(1);
    file(dir, 'y.png', 1, 2, now);
    expect(await pruner.maybePrune(now + 60_000)).toBe(0);
    expect(await pruner.maybePrune(now + 3_600_000)).toBe(1);
  });
});
