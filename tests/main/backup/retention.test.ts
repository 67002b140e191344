import { describe, expect, it } from 'vitest';
import { backupsToPrune, type RetainedItem } from '../../../src/main/backup/retention';
import type { BackupReason } from '../../../src/shared/contract/schemas/backups';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const start = Date.UTC(2026, 10, 2, 0, 30);

/** Simulates a backup every hour with pruning after each one, as the backup loop does. */
function simulate(hours: number, extra: (h: number) => BackupReason | null = () => null): { kept: RetainedItem[]; now: number } {
  let kept: RetainedItem[] = [];
  let now = start;
  for (let h = 0; h < hours; h++) {
    now = start + h * HOUR;
    kept.push({ id: `s${h}`, at: now, reason: 'scheduled' });
    const other = extra(h);
    if (other) kept.push({ id: `${other}${h}`, at: now + 1, reason: other });
    const doomed = new Set(backupsToPrune(kept, now));
    kept = kept.filter((b) => !doomed.has(b.id));
  }
  return { kept, now };
}

describe('backup retention', () => {
  it('keeps hourly backups for a day, daily for a week and weekly for a month over five simulated weeks', () => {
    const { kept, now } = simulate(35 * 24);
    const ages = kept.map((b) => now - b.at);
    const lastDay = ages.filter((a) => a < DAY);
    expect(lastDay).toHaveLength(24);
    // One per calendar day for the rest of the week (the day buckets overlapping the last 24 hours included).
    const week = kept.filter((b) => now - b.at >= DAY && now - b.at <= 7 * DAY);
    const days = new Set(week.map((b) => Math.floor(b.at / DAY)));
    expect(week.length).toBe(days.size);
    expect(days.size).toBeGreaterThanOrEqual(6);
    const older = kept.filter((b) => now - b.at > 7 * DAY);
    expect(older.length).toBeGreaterThanOrEqual(3);
    expect(older.length).toBeLessThanOrEqual(5);
    expect(Math.max(...ages)).toBeLessThanOrEqual(30 * DAY);
    expect(kept.length).toBeLessThan(40);
  });

  it('keeps the last five of each manual and pre-* reason whatever their age, and always the newest backup', () => {
    const { kept } = simulate(20 * 24, (h) => (h % 10 === 0 ? 'manual' : h % 17 === 0 ? 'pre-migration' : null));
    expect(kept.filter((b) => b.reason === 'manual').map((b) => b.id)).toEqual(['manual430', 'manual440', 'manual450', 'manual460', 'manual470']);
    expect(kept.filter((b) => b.reason === 'pre-migration')).toHaveLength(5);
    const lone: RetainedItem[] = [{ id: 'old', at: start, reason: 'scheduled' }];
    expect(backupsToPrune(lone, start + 90 * DAY)).toEqual([]);
  });
});
