import { describe, expect, it, vi } from 'vitest';
import { addMailbox } from '../outreach/outreach-fixtures';
import { startHarness, until } from './harness';

// Real worker processes start through tsx on a shared machine: generous ceilings, no assertions on time.
vi.setConfig({ testTimeout: 120_000 });

describe('a worker that cannot use its profile settings', () => {
  it('marks the profile failed once, with the channel reason, and never restarts it', async () => {
    const h = startHarness();
    // No From address and no login user: the mailbox has nothing to send as, whatever a restart would do.
    const id = addMailbox(h.store.sqlite, { smtp: { host: '127.0.0.1', port: 2525, security: 'none' }, imap: { host: '127.0.0.1', port: 1143, security: 'none' } });
    h.supervisor.start(id);
    await until(() => h.state(id).state === 'failed');
    expect(h.state(id)).toMatchObject({ state: 'failed', worker: null, stateDetail: 'mailbox settings: no From address (set fromAddress or a login user that is an address)' });
    // The backoff would have restarted a crashed worker by now.
    h.clock.advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.spawned).toHaveLength(1);
    expect(h.state(id).state).toBe('failed');
    expect(h.events.filter((e) => e.state === 'starting')).toHaveLength(1);
  });
});
