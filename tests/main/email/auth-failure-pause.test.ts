import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../src/shared/contract/schemas/profiles';
import { startDovecot, type Dovecot } from '../../helpers/dovecot';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { until } from '../supervisor/harness';

let dovecot: Dovecot;
let sink: SmtpSink;
let t: TestCore;
beforeEach(async () => {
  dovecot = await startDovecot();
  [sink, t] = await Promise.all([startSmtpSink({ password: dovecot.password }), startTestCore()]);
}, 30_000);
afterEach(async () => {
  await Promise.all([dovecot.stop(), sink.close(), t.stop()]);
}, 30_000);

async function post(path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const res = await t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const state = async (id: number) => (await (await t.api(`/api/v1/profiles/${id}`)).json()) as ProfileView;

/** A mailbox on the sink and Dovecot with the given password, no sending window. */
const mailbox = async (password: string, smtpPort = sink.port) =>
  Number(
    (
      await post('/profiles', {
        typeCode: 'smtp_imap',
        name: 'Sales mailbox',
        settings: { smtp: { host: '127.0.0.1', port: smtpPort, security: 'none' }, imap: dovecot.profileSettings.imap, fromAddress: 'anna@acme-sales.test', copyToSent: false },
        credentials: { user: dovecot.user, password },
        policy: { schedule: null, rampUp: null },
        // The refused attempt counted as a use at claim: no gap, so the retry after the fix goes at once.
        quotas: { email: { minGapSeconds: 0, jitterSeconds: 0 } },
      })
    ).id,
  );

describe('a mailbox whose login is refused', { timeout: 120_000 }, () => {
  it('pauses at once with auth_failed when SMTP answers 535, the email waiting unsent with its attempt kept', async () => {
    const profile = await mailbox('wrong');
    const sqlite = t.core.services.store.sqlite;
    const lead = Number(sqlite.prepare("INSERT INTO leads (first_name, email, email_norm, created_at, updated_at) VALUES ('Ada', 'ada@lead.example', 'ada@lead.example', 0, 0)").run().lastInsertRowid);
    const composed = await post('/outreach', { leadId: lead, profileId: profile, typeCode: 'email', subject: 'Hello', body: 'Hi Ada' });
    await post(`/outreach/${composed.id}/approve`);
    await post(`/profiles/${profile}/start`);
    await until(async () => (await state(profile)).state === 'paused');
    expect(await state(profile)).toMatchObject({ pauseReason: 'auth_failed', stateDetail: expect.stringMatching(/^SMTP login refused: .*535/), worker: null });
    expect(sqlite.prepare('SELECT status, attempts FROM outreach WHERE id = ?').get(composed.id)).toEqual({ status: 'pending', attempts: 0 });
    expect(sink.messages).toHaveLength(0);

    // The operator fixes the password and resumes: the same email goes out.
    await post(`/profiles/${profile}`, { credentials: { password: dovecot.password } });
    await post(`/profiles/${profile}/resume`);
    await sink.received(1);
    await until(() => (sqlite.prepare('SELECT status FROM outreach WHERE id = ?').pluck().get(composed.id) as string) === 'performed');
  });

  it('pauses at once with auth_failed when IMAP refuses the login of an inbox check', async () => {
    const profile = await mailbox('wrong');
    await post(`/profiles/${profile}/start`);
    await until(async () => (await state(profile)).state === 'paused');
    expect(await state(profile)).toMatchObject({ pauseReason: 'auth_failed', stateDetail: expect.stringMatching(/^IMAP login refused/) });
    expect(t.core.services.store.sqlite.prepare('SELECT status, attempts FROM inbox_checks WHERE profile_id = ?').all(profile)).toEqual([{ status: 'pending', attempts: 0 }]);
  });
});
