import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readEffectLines } from '../../../src/workers/channels/diagnostic/diagnostic-channel';
import { tempDir } from '../../helpers/temp-dir';
import { addItem, addProfile, bundledWorker, startHarness, until } from '../supervisor/harness';

// 100 real worker processes on a shared machine: a generous ceiling, no assertions on time.
vi.setConfig({ testTimeout: 1_800_000 });

const LEASE_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('crash recovery with the effect ledger', () => {
  it('a worker SIGKILLed mid-item 100 times in a row loses no item and never repeats an effect', async () => {
    const h = startHarness({
      entry: bundledWorker(),
      leaseMs: LEASE_MS,
      timing: { maxCrashes: 1_000_000, backoff: { baseMs: 1_000, maxMs: 1_000, jitter: 0 } },
    });
    const effectsFile = join(tempDir('outpost-crash-'), 'effects.log');
    const id = addProfile(h.store.sqlite);
    const items = Array.from({ length: 150 }, () => addItem(h.store.sqlite, id, ['effect'], h.clock.now(), { effectsFile, effectPauseMs: 20 }));
    const keys = new Map(
      (h.store.sqlite.prepare('SELECT id, idempotency_key FROM enrichments').all() as { id: number; idempotency_key: string }[]).map((r) => [r.id, r.idempotency_key]),
    );
    const statuses = () => h.store.sqlite.prepare('SELECT status, count(*) AS n FROM enrichments GROUP BY status').all() as { status: string; n: number }[];
    // Deterministic spread of kill points: before the effect, inside it (either side of the write), after it before the result.
    let seed = 7;
    const random = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);

    h.supervisor.start(id);
    const kinds = new Set<string>();
    for (let kill = 0; kill < 100; kill++) {
      const pid = await until(() => h.state(id).state === 'working' && h.state(id).worker?.pid);
      await sleep(Math.floor(random() * 90));
      process.kill(pid, 'SIGKILL');
      await until(() => h.state(id).worker === null);
      // The killed attempt's lease runs out: its item comes back pending, or unknown if its effect had begun.
      h.clock.advance(LEASE_MS);
      for (const lease of h.sweep().expired) kinds.add(lease.status);
      h.clock.advance(1_000);
    }
    // Both sides of the ledger were exercised: items taken back before their effect and items stranded mid-effect.
    expect([...kinds].sort()).toEqual(['pending', 'unknown']);

    // Let the last worker finish everything, verifying the stranded items instead of performing them again.
    await until(async () => {
      // Time moves only while no worker is between spawn and handshake, so none misses its handshake deadline.
      const view = h.state(id);
      if (view.worker === null || view.state !== 'starting') h.clock.advance(1_000);
      h.sweep();
      await sleep(20);
      return statuses().every((s) => s.status === 'performed');
    });
    expect(statuses()).toEqual([{ status: 'performed', n: items.length }]);
    const lines = readEffectLines(effectsFile);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.sort()).toEqual([...keys.values()].sort());
    const ledger = h.store.sqlite.prepare("SELECT outcome, count(*) AS n FROM effect_ledger GROUP BY outcome").all();
    expect(ledger).toEqual([{ outcome: 'succeeded', n: items.length }]);
    expect(h.spawned.length).toBeGreaterThanOrEqual(101);
  });
});
