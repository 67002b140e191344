import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { WorkOutcome } from '../../../src/shared/worker-protocol/messages';
import { openStore } from '../../../src/main/store/store';
import { EnrichmentWorkSource } from '../../../src/main/supervisor/enrichment-work-source';
import { ManualClock } from '../../helpers/manual-clock';
import { tempDir } from '../../helpers/temp-dir';
import { addDiagnosticType, addItem, addProfile, itemRow } from './harness';

function setup() {
  const clock = new ManualClock();
  const store = openStore(join(tempDir(), 'outpost.sqlite'), () => clock.now());
  onTestFinished(() => store.close());
  addDiagnosticType(store.sqlite);
  const profile = addProfile(store.sqlite);
  return { clock, sqlite: store.sqlite, profile, work: new EnrichmentWorkSource(store.sqlite, () => clock.now(), 10_000) };
}

const done: WorkOutcome = { outcome: 'performed', output: {}, effects: [] };

describe('enrichment work source', () => {
  it('leases only due, approved items of the profile, oldest due first, up to max', () => {
    const { clock, sqlite, profile, work } = setup();
    const other = addProfile(sqlite);
    const later = addItem(sqlite, profile, ['succeed'], clock.now() + 1);
    const first = addItem(sqlite, profile, ['succeed'], clock.now() - 5);
    const second = addItem(sqlite, profile, ['succeed'], clock.now());
    addItem(sqlite, other, ['succeed'], clock.now());
    const unapproved = addItem(sqlite, profile, ['succeed'], clock.now() - 10);
    sqlite.prepare("UPDATE enrichments SET approval = 'pending' WHERE id = ?").run(unapproved);
    const items = work.claim(profile, 'w1', 5);
    expect(items.map((i) => [i.recordId, i.ticket, i.attempt])).toEqual([
      [first, `enrichment:${first}:1`, 1],
      [second, `enrichment:${second}:1`, 1],
    ]);
    expect(items[0]).toMatchObject({ typeCode: 'verify_email', params: { outcomes: ['succeed'] }, leaseExpiresAt: clock.now() + 10_000 });
    expect(itemRow(sqlite, first)).toMatchObject({ status: 'running', attempts: 1, lease_owner: 'w1' });
    expect(itemRow(sqlite, later).status).toBe('pending');
    expect(work.claim(profile, 'w1', 5)).toEqual([]);
  });

  it('refuses a late result after the lease expired and the item was leased again, and accepts the new attempt once', () => {
    const { clock, sqlite, profile, work } = setup();
    const id = addItem(sqlite, profile, ['succeed'], clock.now());
    const [old] = work.claim(profile, 'w1', 1);
    clock.advance(9_999);
    expect(work.expireLeases()).toBe(0);
    clock.advance(1);
    expect(work.expireLeases()).toBe(1);
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'pending', error_kind: 'transient', lease_owner: null });
    const [fresh] = work.claim(profile, 'w2', 1);
    expect(work.complete('w1', old!.ticket, done)).toBe(false);
    expect(work.complete('w2', old!.ticket, done)).toBe(false);
    expect(work.complete('w2', 'enrichment:nope', done)).toBe(false);
    expect(work.complete('w2', fresh!.ticket, done)).toBe(true);
    expect(work.complete('w2', fresh!.ticket, done)).toBe(false);
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'performed', attempts: 2 });
  });

  it('fails an item whose last attempt lost its lease', () => {
    const { clock, sqlite, profile, work } = setup();
    const id = addItem(sqlite, profile, ['succeed'], clock.now());
    for (let i = 0; i < 3; i++) {
      expect(work.claim(profile, 'w', 1)).toHaveLength(1);
      clock.advance(10_000);
      work.expireLeases();
    }
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'failed', attempts: 3, error_kind: 'transient' });
    expect(work.claim(profile, 'w', 1)).toEqual([]);
  });
});
