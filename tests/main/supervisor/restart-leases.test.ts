import { describe, expect, it } from 'vitest';
import { addItem, addProfile, itemRow, startHarness } from './harness';

describe('supervisor start after an unclean exit', () => {
  it('takes back at once the items the dead run still held, however long their leases had to run', () => {
    const h = startHarness({ leaseMs: 300_000 });
    const profile = addProfile(h.store.sqlite);
    // inactive: no worker of this run claims the item again, so its row shows only what the start did
    h.profiles.setActive(profile, false);
    const item = addItem(h.store.sqlite, profile, ['succeed'], h.clock.now());
    expect(h.work.claim(profile, `${profile}.deadrun.1`, 1)).toHaveLength(1);
    expect(itemRow(h.store.sqlite, item)).toMatchObject({ status: 'running', lease_owner: `${profile}.deadrun.1` });
    h.clock.advance(1_000);
    h.supervisor.startActive();
    expect(itemRow(h.store.sqlite, item)).toMatchObject({ status: 'pending', lease_owner: null, attempts: 1 });
  });
});
