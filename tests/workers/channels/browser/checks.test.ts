import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserConnectionsOutput, browserInboxOutput } from '../../../../src/shared/browser/browser-outputs';
import type { WorkOutcome } from '../../../../src/shared/worker-protocol/messages';
import { recordingContext, startRig, workItem, type BrowserRig } from './browser-harness';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig(['linkedin', 'facebook']);
});
afterAll(async () => rig?.close());

const performed = (result: WorkOutcome) => (result.outcome === 'performed' ? result.output : null);
const inbox = async (type: 'linkedin' | 'facebook', mark: unknown) =>
  browserInboxOutput.parse(performed(await rig.channels[type].perform(workItem('inbox_check', 'inbox_check', { mark }), recordingContext().context)));
const connections = async (type: 'linkedin' | 'facebook', mark: unknown) =>
  browserConnectionsOutput.parse(performed(await rig.channels[type].perform(workItem('connection_check', 'connection_check', { mark }), recordingContext().context)));

describe('browser channel: inbox and connection checks', () => {
  it('reads LinkedIn messages newer than the mark, thread by thread, and moves the mark', async () => {
    rig.site.connect('linkedin', 'ada-lovelace-0');
    rig.site.addIncomingMessage('linkedin', 'ada-lovelace-0', 'Thanks, happy to talk');
    rig.site.addIncomingMessage('linkedin', 'grace-lovelace-1', 'Who are you?');
    const first = await inbox('linkedin', null);
    expect(first.packVersion).toBe('linkedin-2026.11.1');
    expect(first.messages.map((m) => [m.direction, m.text, m.profileUrl, m.name])).toEqual([
      ['incoming', 'Who are you?', 'https://www.linkedin.com/in/grace-lovelace-1/', 'Grace Lovelace'],
      ['incoming', 'Thanks, happy to talk', 'https://www.linkedin.com/in/ada-lovelace-0/', 'Ada Lovelace'],
    ]);
    expect(first.messages[1]).toMatchObject({ threadUrl: 'https://www.linkedin.com/messaging/thread/t-ada-lovelace-0/', sentAt: expect.stringMatching(/Z$/) });
    expect(first.messages[1]?.externalId).toBe('https://www.linkedin.com/messaging/thread/t-ada-lovelace-0/#urn:li:msg:m1');

    const again = await inbox('linkedin', JSON.stringify(first.mark));
    expect(again.messages).toEqual([]);

    rig.site.addIncomingMessage('linkedin', 'ada-lovelace-0', 'Tuesday works');
    const third = await inbox('linkedin', again.mark);
    expect(third.messages.map((m) => m.text)).toEqual(['Tuesday works']);
  });

  it('reads Facebook messages the same way, outgoing ones marked as ours', async () => {
    rig.site.addIncomingMessage('facebook', 'ada.lovelace.0', 'Hi there');
    const first = await inbox('facebook', {});
    expect(first.messages).toMatchObject([{ direction: 'incoming', text: 'Hi there', profileUrl: 'https://www.facebook.com/ada.lovelace.0', externalId: expect.stringContaining('#mid.') }]);
    const result = await rig.channels.facebook.perform(
      workItem('outreach', 'facebook_message', { typeCode: 'facebook_message', to: 'https://www.facebook.com/ada.lovelace.0', body: 'Hello back' }),
      recordingContext().context,
    );
    expect(result.outcome).toBe('performed');
    rig.site.addIncomingMessage('facebook', 'ada.lovelace.0', 'Great');
    const next = await inbox('facebook', first.mark);
    expect(next.messages.map((m) => [m.direction, m.text])).toEqual([
      ['outgoing', 'Hello back'],
      ['incoming', 'Great'],
    ]);
  });

  it('reports acceptances newer than the mark on LinkedIn and Facebook', async () => {
    for (const slug of ['edsger-lovelace-3', 'barbara-lovelace-4']) rig.site.state.invitations.push({ site: 'linkedin', slug, note: null, at: Date.now(), status: 'pending' });
    rig.site.acceptInvitation('linkedin', 'edsger-lovelace-3');
    const first = await connections('linkedin', null);
    expect(first.accepted.map((a) => a.profileUrl)).toContain('https://www.linkedin.com/in/edsger-lovelace-3/');
    expect(first.accepted.find((a) => a.profileUrl.endsWith('edsger-lovelace-3/'))).toMatchObject({ name: 'Edsger Lovelace', acceptedAt: expect.stringMatching(/Z$/) });
    const none = await connections('linkedin', first.mark);
    expect(none.accepted).toEqual([]);
    rig.site.acceptInvitation('linkedin', 'barbara-lovelace-4');
    const next = await connections('linkedin', none.mark);
    expect(next.accepted.map((a) => a.profileUrl)).toEqual(['https://www.linkedin.com/in/barbara-lovelace-4/']);

    rig.site.state.invitations.push({ site: 'facebook', slug: 'ken.lovelace.7', note: null, at: Date.now(), status: 'pending' });
    const fbFirst = await connections('facebook', {});
    rig.site.acceptInvitation('facebook', 'ken.lovelace.7');
    const fbNext = await connections('facebook', fbFirst.mark);
    expect(fbNext).toMatchObject({ packVersion: 'facebook-2026.11.1', accepted: [{ profileUrl: 'https://www.facebook.com/ken.lovelace.7', name: 'Ken Lovelace' }] });
  });
});
