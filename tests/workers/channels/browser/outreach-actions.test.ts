import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserActionOutput } from '../../../../src/shared/browser/browser-outputs';
import type { WorkOutcome } from '../../../../src/shared/worker-protocol/messages';
import { recordingContext, startRig, workItem, type BrowserRig } from './browser-harness';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig(['linkedin', 'facebook']);
});
afterAll(async () => rig?.close());

const li = (slug: string) => `https://www.linkedin.com/in/${slug}/`;
const fb = (slug: string) => `https://www.facebook.com/${slug}`;
const outreach = (typeCode: string, to: string, body = '') => workItem('outreach', typeCode, { outreachId: 1, typeCode, to, body, leadId: 1, leadName: 'x' });
const output = (result: WorkOutcome) => browserActionOutput.parse(result.outcome === 'performed' ? result.output : null);
const invitations = (site: string, slug: string) => rig.site.state.invitations.filter((i) => i.site === site && i.slug === slug);
const sentMessages = (site: string, slug: string) => rig.site.state.messages.filter((m) => m.site === site && m.slug === slug && m.direction === 'outgoing');

describe('browser channel: outreach with confirmed effects', () => {
  it('sends a LinkedIn invitation with a note through the ledger and reports the Pending read back from the reloaded profile', async () => {
    const { context, started } = recordingContext();
    const item = outreach('linkedin_connect', li('ada-lovelace-0'), 'Hello Ada, let us connect.');
    const result = await rig.channels.linkedin.perform(item, context);
    expect(started).toEqual([item.idempotencyKey]);
    expect(result).toMatchObject({ outcome: 'performed', effects: [{ idempotencyKey: item.idempotencyKey, outcome: 'succeeded', externalRef: li('ada-lovelace-0') }] });
    expect(output(result)).toEqual({ packVersion: 'linkedin-2026.11.1', evidence: '"Pending" shown on the reloaded profile', externalRef: li('ada-lovelace-0'), alreadyDone: false });
    expect(invitations('linkedin', 'ada-lovelace-0')).toMatchObject([{ note: 'Hello Ada, let us connect.', status: 'pending' }]);
  });

  it('finds the connect control under the More menu and sends without a note when the body is empty', async () => {
    const result = await rig.channels.linkedin.perform(outreach('linkedin_connect', li('alan-lovelace-2')), recordingContext().context);
    expect(output(result).alreadyDone).toBe(false);
    expect(invitations('linkedin', 'alan-lovelace-2')).toMatchObject([{ note: null }]);
  });

  it('reports an invitation already pending as already done, without starting an effect', async () => {
    const { context, started } = recordingContext();
    const result = await rig.channels.linkedin.perform(outreach('linkedin_connect', li('ada-lovelace-0')), context);
    expect(started).toEqual([]);
    expect(result).toMatchObject({ outcome: 'performed', effects: [] });
    expect(output(result).alreadyDone).toBe(true);
    expect(invitations('linkedin', 'ada-lovelace-0')).toHaveLength(1);
  });

  it('messages a LinkedIn connection and reports once the message shows in the thread', async () => {
    rig.site.connect('linkedin', 'grace-lovelace-1');
    const result = await rig.channels.linkedin.perform(outreach('linkedin_message', li('grace-lovelace-1'), 'Hi Grace,\nthanks for connecting!'), recordingContext().context);
    expect(output(result)).toMatchObject({ evidence: 'the message shows in the reloaded thread', externalRef: 'https://www.linkedin.com/messaging/thread/t-grace-lovelace-1/' });
    expect(sentMessages('linkedin', 'grace-lovelace-1').map((m) => m.text)).toEqual(['Hi Grace,\nthanks for connecting!']);
  });

  it('refuses to message someone who is not a connection, keeping a snapshot', async () => {
    await expect(rig.channels.linkedin.perform(outreach('linkedin_message', li('edsger-lovelace-3'), 'Hi'), recordingContext().context)).rejects.toMatchObject({
      kind: 'permanent',
      snapshot: { screenshot: expect.stringMatching(/\.png$/), html: expect.stringMatching(/\.html$/) },
    });
  });

  it('never sends the same message twice: a refused ledger entry stops the repeat', async () => {
    rig.site.connect('linkedin', 'barbara-lovelace-4');
    const item = outreach('linkedin_message', li('barbara-lovelace-4'), 'Only once');
    const { context } = recordingContext();
    await rig.channels.linkedin.perform(item, context);
    await expect(rig.channels.linkedin.perform(item, context)).rejects.toThrow('already started');
    expect(sentMessages('linkedin', 'barbara-lovelace-4')).toHaveLength(1);
  });

  it('sends a Facebook friend request and a Facebook message', async () => {
    const friend = await rig.channels.facebook.perform(outreach('facebook_friend', fb('ada.lovelace.0')), recordingContext().context);
    expect(output(friend)).toMatchObject({ packVersion: 'facebook-2026.11.1', evidence: '"Cancel request" shown on the reloaded profile', alreadyDone: false });
    expect(invitations('facebook', 'ada.lovelace.0')).toHaveLength(1);
    const message = await rig.channels.facebook.perform(outreach('facebook_message', fb('grace.lovelace.1'), 'Hello from the group'), recordingContext().context);
    expect(output(message).externalRef).toBe('https://www.facebook.com/messages/t/t-grace.lovelace.1/');
    expect(sentMessages('facebook', 'grace.lovelace.1').map((m) => m.text)).toEqual(['Hello from the group']);
  });

  it('refuses outreach meant for the other site', async () => {
    await expect(rig.channels.facebook.perform(outreach('linkedin_connect', li('ada-lovelace-0')), recordingContext().context)).rejects.toMatchObject({ kind: 'permanent' });
  });

  it('verifies earlier attempts from the sent invitations and the thread', async () => {
    const verify = (typeCode: string, to: string, body = '') => rig.channels.linkedin.verify!(workItem('outreach', typeCode, { typeCode, to, body }, 'verify'), recordingContext().context);
    expect(await verify('linkedin_connect', li('ada-lovelace-0'))).toEqual({ happened: true, externalRef: li('ada-lovelace-0') });
    expect(await verify('linkedin_connect', li('frances-lovelace-8'))).toEqual({ happened: false, externalRef: null });
    expect(await verify('linkedin_message', li('grace-lovelace-1'), 'Hi Grace,\nthanks for connecting!')).toMatchObject({ happened: true });
    expect(await verify('linkedin_message', li('grace-lovelace-1'), 'Never sent')).toEqual({ happened: false, externalRef: null });
    const fbVerify = rig.channels.facebook.verify!(workItem('outreach', 'facebook_friend', { typeCode: 'facebook_friend', to: fb('ada.lovelace.0') }, 'verify'), recordingContext().context);
    expect(await fbVerify).toMatchObject({ happened: true });
  });

  it('pauses on a warning shown after the click, leaving the effect to verification (it happened)', async () => {
    rig.site.state.warnOnAction = true;
    try {
      const item = outreach('linkedin_connect', li('john-lovelace-9'));
      const result = await rig.channels.linkedin.perform(item, recordingContext().context);
      expect(result).toMatchObject({ outcome: 'failed', pause: 'warning_page', effects: [] });
      const snapshot = result.outcome === 'failed' ? result.snapshot : undefined;
      expect(existsSync(join(rig.dir, 'linkedin', 'snapshots', snapshot?.screenshot ?? 'none'))).toBe(true);
      expect(invitations('linkedin', 'john-lovelace-9')).toHaveLength(1);
      rig.site.state.warnOnAction = false;
      expect(await rig.channels.linkedin.verify!({ ...item, mode: 'verify' }, recordingContext().context)).toMatchObject({ happened: true });
    } finally {
      rig.site.state.warnOnAction = false;
    }
  });
});
