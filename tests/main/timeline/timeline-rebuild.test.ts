import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/store/store';
import { Timeline } from '../../../src/main/timeline/timeline';
import { tempDir } from '../../helpers/temp-dir';
import { bucketLines, RandomWorkload, seedFixture, seeded } from './timeline-workload';

const openTimelineStore = () => {
  const store = openStore(join(tempDir(), 'outpost.sqlite'));
  return { store, db: store.sqlite };
};

describe('timeline: incremental folding equals a rebuild from scratch', () => {
  it.each([1, 2, 3, 4, 5, 6])('random workload %i: many small folds between random changes, then a rebuild, give identical buckets', async (seed) => {
    const { store, db } = openTimelineStore();
    const random = seeded(seed);
    let clock = 1_000;
    const timeline = new Timeline(db, () => clock++);
    const work = new RandomWorkload(db, seedFixture(db), random);
    for (let round = 0; round < 150; round++) {
      const ops = Math.floor(random() * 12);
      for (let i = 0; i < ops; i++) work.step();
      // a fold may stop part-way: the rest waits for the next round
      const steps = Math.floor(random() * 3);
      for (let i = 0; i < steps; i++) timeline.step(1 + Math.floor(random() * 20));
    }
    timeline.foldAll(7);
    const incremental = bucketLines(db);
    expect(incremental.length).toBeGreaterThan(100);
    expect(incremental.every((line) => !line.endsWith(' 0'))).toBe(true);

    timeline.requestRebuild();
    expect(timeline.rebuilding).toBe(true);
    expect(bucketLines(db)).toEqual([]);
    timeline.foldAll(13);
    expect(timeline.rebuilding).toBe(false);
    expect(bucketLines(db)).toEqual(incremental);
    await store.close();
  });

  it('changes made while a rebuild clears marks, and a restart in the middle of it, still end identical to a clean rebuild', async () => {
    const { store, db } = openTimelineStore();
    const random = seeded(42);
    const first = new Timeline(db, () => 1);
    const work = new RandomWorkload(db, seedFixture(db), random);
    for (let i = 0; i < 1500; i++) work.step();
    first.foldAll(50);
    first.requestRebuild();
    for (let i = 0; i < 20; i++) {
      first.step(25);
      for (let j = 0; j < 10; j++) work.step();
    }
    expect(first.rebuilding).toBe(true);
    // a new process: the temporary triggers are installed again and the persisted rebuild resumes
    const second = new Timeline(db, () => 2);
    expect(second.rebuilding).toBe(true);
    second.foldAll(30);
    const resumed = bucketLines(db);
    second.requestRebuild();
    second.foldAll();
    expect(bucketLines(db)).toEqual(resumed);
    await store.close();
  });

  it('a second fold counts nothing and changes nothing; only finished rows are marked counted', async () => {
    const { store, db } = openTimelineStore();
    const timeline = new Timeline(db, () => 777);
    const work = new RandomWorkload(db, seedFixture(db), seeded(7));
    for (let i = 0; i < 800; i++) work.step();
    expect(timeline.foldAll(10)).toBeGreaterThan(0);
    const once = bucketLines(db);
    expect(timeline.foldAll(10)).toBe(0);
    expect(bucketLines(db)).toEqual(once);

    for (const table of ['jobs', 'enrichments', 'rule_instances']) {
      const unfinishedCounted = db.prepare(`SELECT count(*) FROM ${table} WHERE timeline_counted_at IS NOT NULL AND finished_at IS NULL`).pluck().get();
      const finishedUncounted = db.prepare(`SELECT count(*) FROM ${table} WHERE timeline_counted_at IS NULL AND finished_at IS NOT NULL`).pluck().get();
      expect([table, unfinishedCounted, finishedUncounted]).toEqual([table, 0, 0]);
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE timeline_counted_at = 777`).pluck().get(), table).toBeGreaterThan(0);
    }
    expect(db.prepare("SELECT count(*) FROM outreach WHERE timeline_counted_at IS NULL AND (direction <> 'outgoing' OR finished_at IS NOT NULL)").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM outreach WHERE timeline_counted_at IS NOT NULL AND direction = 'outgoing' AND finished_at IS NULL").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM tracking_events WHERE timeline_counted_at IS NULL').pluck().get()).toBe(0);
    await store.close();
  });
});
