import { describe, expect, it } from 'vitest';
import { addBrowserOutreach, addBrowserProfile, addSocialLead } from './browser-fixtures';
import { engineFixture, type EngineFixture } from './engine-fixture';

const ADA = 'https://www.linkedin.com/in/ada-lovelace';

function enroll(f: EngineFixture, leadId: number): number {
  const sequence = Number(f.run("INSERT INTO sequences (name, status, created_at, updated_at) VALUES ('s', 'active', 0, 0)").lastInsertRowid);
  return Number(f.run('INSERT INTO enrollments (sequence_id, lead_id, created_at, updated_at) VALUES (?, ?, 0, 0)', sequence, leadId).lastInsertRowid);
}

const message = (id: string, profileUrl: string, direction: 'incoming' | 'outgoing', text: string) => ({
  externalId: `https://www.linkedin.com/messaging/thread/1/#${id}`,
  threadUrl: 'https://www.linkedin.com/messaging/thread/1/',
  direction,
  profileUrl,
  name: 'Ada Lovelace',
  text,
  sentAt: '2026-11-23T08:00:00.000Z',
});

describe('browser inbox and connection checks', () => {
  it('stores each incoming message once under its lead, answering our last LinkedIn row, stops the enrollments and saves the mark', async () => {
    const f = engineFixture();
    const profile = addBrowserProfile(f.sqlite);
    const ada = addSocialLead(f.sqlite, { first: 'Ada', linkedin: ADA });
    const bob = addSocialLead(f.sqlite, { first: 'Bob', linkedin: 'https://www.linkedin.com/in/bob' });
    f.run("UPDATE leads SET linkedin_alt_url = 'linkedin.com/in/acwaaaexamplememberid000' WHERE id = ?", bob);
    const connect = addBrowserOutreach(f.sqlite, 'linkedin_connect', ada, profile, null);
    const sent = addBrowserOutreach(f.sqlite, 'linkedin_message', ada, profile, 'Hi Ada');
    f.run("UPDATE outreach SET status = 'performed'");
    const enrollment = enroll(f, ada);
    const output = {
      packVersion: 'linkedin-1',
      messages: [
        message('m1', ADA, 'outgoing', 'Hi Ada'),
        message('m2', `${ADA}/`, 'incoming', 'Thanks, tell me more'),
        message('m3', 'https://www.linkedin.com/in/ACwAAAexampleMemberId000', 'incoming', 'Bob here'),
        message('m4', 'https://www.linkedin.com/in/stranger', 'incoming', 'Who are you?'),
      ],
      mark: { threads: { '1': 'stamp-2' } },
    };
    f.run('INSERT INTO inbox_checks (profile_id, due_at, created_at, updated_at) VALUES (?, 0, 0, 0)', profile);
    const [check] = f.claim(profile);
    expect(check?.params).toEqual({ mark: {} });
    expect(f.perform(profile, check!, output).accepted).toBe(true);

    const incoming = f.all("SELECT lead_id, parent_outreach_id, outreach_type_id, body, occurred_at FROM outreach WHERE direction = 'incoming' ORDER BY id");
    const messageType = (f.get("SELECT id FROM outreach_types WHERE code = 'linkedin_message'") as { id: number }).id;
    expect(incoming).toEqual([
      { lead_id: ada, parent_outreach_id: sent, outreach_type_id: messageType, body: 'Thanks, tell me more', occurred_at: Date.parse('2026-11-23T08:00:00.000Z') },
      { lead_id: bob, parent_outreach_id: null, outreach_type_id: messageType, body: 'Bob here', occurred_at: Date.parse('2026-11-23T08:00:00.000Z') },
    ]);
    expect(connect).toBeLessThan(sent);
    expect(f.get('SELECT status, stop_reason FROM enrollments WHERE id = ?', enrollment)).toEqual({ status: 'stopped', stop_reason: 'replied' });
    expect(f.get('SELECT inbox_mark FROM profiles WHERE id = ?', profile)).toEqual({ inbox_mark: JSON.stringify(output.mark) });
    expect(JSON.parse((f.get('SELECT result FROM inbox_checks') as { result: string }).result)).toMatchObject({ read: 4, stored: 2, unmatched: 1 });

    // Read again (the site showed the same thread): stored once, and the operator's later restart of the enrollment stands.
    f.run("UPDATE enrollments SET status = 'active', stop_reason = NULL WHERE id = ?", enrollment);
    f.run('INSERT INTO inbox_checks (profile_id, due_at, created_at, updated_at) VALUES (?, 0, 0, 0)', profile);
    const [again] = f.claim(profile);
    expect(again?.params).toEqual({ mark: output.mark });
    f.perform(profile, again!, output);
    expect(f.get("SELECT count(*) AS n FROM outreach WHERE direction = 'incoming'")).toEqual({ n: 2 });
    expect(f.get('SELECT status FROM enrollments WHERE id = ?', enrollment)).toEqual({ status: 'active' });
  });

  it('records an accepted invitation once, linked to our connect row, and saves the connection mark', async () => {
    const f = engineFixture();
    const profile = addBrowserProfile(f.sqlite);
    const ada = addSocialLead(f.sqlite, { first: 'Ada', linkedin: ADA });
    const connect = addBrowserOutreach(f.sqlite, 'linkedin_connect', ada, profile, null);
    addBrowserOutreach(f.sqlite, 'linkedin_message', ada, profile, 'later');
    f.run("UPDATE outreach SET status = 'performed' WHERE id = ?", connect);
    const output = { packVersion: 'linkedin-1', accepted: [{ profileUrl: ADA, name: 'Ada', acceptedAt: null }, { profileUrl: 'https://www.linkedin.com/in/x', name: 'X', acceptedAt: null }], mark: { seen: 2 } };
    for (let round = 0; round < 2; round++) {
      f.run('INSERT INTO connection_checks (profile_id, due_at, created_at, updated_at) VALUES (?, 0, 0, 0)', profile);
      const check = f.claim(profile).find((i) => i.kind === 'connection_check');
      f.perform(profile, check!, output);
    }
    expect(f.all("SELECT lead_id, parent_outreach_id, direction, status, occurred_at FROM outreach WHERE direction = 'accepted'")).toEqual([
      { lead_id: ada, parent_outreach_id: connect, direction: 'accepted', status: 'performed', occurred_at: f.clock.now() },
    ]);
    expect(f.get('SELECT connection_mark FROM profiles')).toEqual({ connection_mark: JSON.stringify({ seen: 2 }) });
    expect(f.all('SELECT connections_found FROM connection_checks ORDER BY id')).toEqual([{ connections_found: 1 }, { connections_found: 0 }]);
  });

  it('an email profile\u2019s inbox check still goes to the email applier', async () => {
    const f = engineFixture();
    const type = f.get("SELECT id FROM profile_types WHERE code = 'smtp_imap'") as { id: number };
    const mailbox = Number(f.run("INSERT INTO profiles (profile_type_id, name, active, created_at, updated_at) VALUES (?, 'm', 0, 0, 0)", type.id).lastInsertRowid);
    f.run('INSERT INTO inbox_checks (profile_id, due_at, created_at, updated_at) VALUES (?, 0, 0, 0)', mailbox);
    const [check] = f.claim(mailbox);
    const mark = { folders: {} };
    expect(f.perform(mailbox, check!, { mark, messages: [], more: false, folders: [] }).accepted).toBe(true);
    expect(JSON.parse((f.get('SELECT result FROM inbox_checks') as { result: string }).result)).toMatchObject({ read: 0, stored: 0, folders: [] });
  });
});
