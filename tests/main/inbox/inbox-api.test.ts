import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../helpers/dovecot';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { fixture } from '../../workers/channels/mailbox/inbox/inbox-test-kit';
import { inboxRows } from './inbox-fixture';

let dovecot: Dovecot;
let t: TestCore;
beforeEach(async () => {
  [dovecot, t] = await Promise.all([startDovecot(), startTestCore()]);
}, 30_000);
afterEach(async () => {
  await Promise.all([dovecot.stop(), t.stop()]);
}, 30_000);

describe('inbox API over a core whose engine applied a real inbox check', () => {
  it('lists the lead by its reply, filters by kind, shows the thread and refuses an unknown lead', async () => {
    const { services } = t.core;
    const f = inboxRows(services.store.sqlite, services.work, services.clock.now());
    const bob = f.addLead('bob@example.org', 'Bob');
    const sent = f.addSent(bob, '<out-1@acme-sales.test>', 'bob@example.org');
    await dovecot.deliver('INBOX', [fixture('reply.eml')]);
    await f.check(dovecot);

    const list = await (await t.api('/api/v1/inbox')).json();
    expect(list.items).toMatchObject([{ leadId: bob, leadLabel: 'Bob', leadEmail: 'bob@example.org', messages: 1, kinds: ['reply'], latest: { kind: 'reply', parentOutreachId: sent, folder: 'INBOX' } }]);
    expect((await (await t.api('/api/v1/inbox?kind=hard_bounce')).json()).items).toEqual([]);

    const thread = await (await t.api(`/api/v1/inbox/leads/${bob}`)).json();
    expect(thread.items.map((m: { direction: string; kind: string | null }) => [m.direction, m.kind])).toEqual([
      ['outgoing', null],
      ['incoming', 'reply'],
    ]);
    expect((await t.api('/api/v1/inbox/leads/99999')).status).toBe(404);
  }, 30_000);
});
