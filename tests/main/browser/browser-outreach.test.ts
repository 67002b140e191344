import { describe, expect, it } from 'vitest';
import { addBrowserOutreach, addBrowserProfile, addSocialLead } from './browser-fixtures';
import { engineFixture } from './engine-fixture';

const ADA = 'https://www.linkedin.com/in/ada-lovelace';
const action = { packVersion: 'linkedin-1', evidence: 'Pending', externalRef: null, alreadyDone: false };

describe('browser outreach at claim and on its outcome', () => {
  it('gives the worker the profile URL, body and lead name, and records the evidence read back from the page', async () => {
    const f = engineFixture();
    const profile = addBrowserProfile(f.sqlite);
    const lead = addSocialLead(f.sqlite, { first: 'Ada', linkedin: ADA });
    const id = addBrowserOutreach(f.sqlite, 'linkedin_connect', lead, profile, 'Hello Ada');
    const [item] = f.claim(profile);
    expect(item?.params).toEqual({ outreachId: id, typeCode: 'linkedin_connect', to: ADA, body: 'Hello Ada', leadId: lead, leadName: 'Ada' });
    f.clock.advance(5_000);
    expect(f.perform(profile, item!, { ...action, externalRef: 'https://www.linkedin.com/invitations/sent/1' }).accepted).toBe(true);
    const row = f.get('SELECT status, occurred_at, inbox_detail FROM outreach WHERE id = ?', id) as { status: string; occurred_at: number; inbox_detail: string };
    expect(row).toMatchObject({ status: 'performed', occurred_at: f.clock.now() });
    expect(JSON.parse(row.inbox_detail)).toEqual({ externalRef: 'https://www.linkedin.com/invitations/sent/1', evidence: 'Pending', alreadyDone: false, packVersion: 'linkedin-1' });
  });

  it('a message goes to the address stored on the row; a Facebook friend request to the lead\u2019s Facebook URL', async () => {
    const f = engineFixture();
    const linkedin = addBrowserProfile(f.sqlite);
    const facebook = addBrowserProfile(f.sqlite, 'facebook');
    const lead = addSocialLead(f.sqlite, { first: 'Ada', linkedin: ADA, facebook: 'https://www.facebook.com/ada.l' });
    addBrowserOutreach(f.sqlite, 'linkedin_message', lead, linkedin, 'Hi', 'https://www.linkedin.com/in/ACwAAAexample');
    addBrowserOutreach(f.sqlite, 'facebook_friend', lead, facebook, null);
    expect(f.claim(linkedin)[0]?.params).toMatchObject({ to: 'https://www.linkedin.com/in/ACwAAAexample', body: 'Hi' });
    expect(f.claim(facebook)[0]?.params).toMatchObject({ typeCode: 'facebook_friend', to: 'https://www.facebook.com/ada.l', body: '' });
  });

  it('aborts by policy when the lead has no profile URL on the site or any of its addresses is suppressed', async () => {
    const f = engineFixture();
    const profile = addBrowserProfile(f.sqlite);
    const noUrl = addBrowserOutreach(f.sqlite, 'linkedin_connect', addSocialLead(f.sqlite, { facebook: 'https://facebook.com/x' }), profile, null);
    const byUrl = addBrowserOutreach(f.sqlite, 'linkedin_connect', addSocialLead(f.sqlite, { linkedin: ADA }), profile, null);
    const byEmail = addBrowserOutreach(f.sqlite, 'linkedin_message', addSocialLead(f.sqlite, { linkedin: 'https://linkedin.com/in/bob', email: 'bob@blocked.test' }), profile, 'Hi');
    f.run("INSERT INTO suppressions (kind, value, reason, created_at, updated_at) VALUES ('linkedin', 'linkedin.com/in/ada-lovelace', 'remove_request', 0, 0)");
    f.run("INSERT INTO suppressions (kind, value, reason, created_at, updated_at) VALUES ('domain', 'blocked.test', 'operator', 0, 0)");
    expect(f.claim(profile)).toEqual([]);
    expect(f.all('SELECT id, status, error_kind, error_text FROM outreach ORDER BY id')).toEqual([
      { id: noUrl, status: 'aborted', error_kind: 'policy', error_text: 'the lead has no LinkedIn profile URL' },
      { id: byUrl, status: 'aborted', error_kind: 'policy', error_text: 'suppressed: linkedin linkedin.com/in/ada-lovelace (remove_request)' },
      { id: byEmail, status: 'aborted', error_kind: 'policy', error_text: 'suppressed: domain blocked.test (operator)' },
    ]);
  });

  it('an invitation whose worker died mid-action is verified, never performed twice', async () => {
    const f = engineFixture({ leaseMs: 60_000 });
    const profile = addBrowserProfile(f.sqlite);
    const id = addBrowserOutreach(f.sqlite, 'linkedin_connect', addSocialLead(f.sqlite, { linkedin: ADA }), profile, null);
    const [item] = f.claim(profile);
    expect(f.engine.beginEffect(`worker-${profile}`, item!.ticket, item!.idempotencyKey)).toEqual({ accepted: true });
    f.clock.advance(61_000);
    expect(f.engine.expireLeases()).toEqual([expect.objectContaining({ id, status: 'unknown' })]);
    const verify = f.engine.claim(profile, 'worker-again', 5, { verify: true });
    expect(verify).toEqual([expect.objectContaining({ mode: 'verify', params: expect.objectContaining({ to: ADA }) })]);
    f.engine.complete('worker-again', verify[0]!.ticket, { outcome: 'verified', happened: true, externalRef: null });
    expect(f.get('SELECT status, occurred_at FROM outreach WHERE id = ?', id)).toEqual({ status: 'performed', occurred_at: f.clock.now() });
  });
});
