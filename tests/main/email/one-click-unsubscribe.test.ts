import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawRequest } from '../../helpers/raw-request';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let sink: SmtpSink;
let t: TestCore;
beforeEach(async () => {
  [sink, t] = await Promise.all([startSmtpSink(), startTestCore()]);
}, 30_000);
afterEach(async () => {
  await Promise.all([sink.close(), t.stop()]);
}, 30_000);

const until = async <T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false): Promise<T> => {
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

async function call(path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await t.api(`/api/v1${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const row = (id: number) =>
  t.core.services.store.sqlite.prepare('SELECT status, error_kind, error_text FROM outreach WHERE id = ?').get(id) as { status: string; error_kind: string | null; error_text: string | null };

/** A running mailbox whose mail carries one-click links to this core (reached as `tunnel.example` through a proxy), and a lead in a sequence. */
async function mailbox(): Promise<{ profileId: number; leadId: number; enrollmentId: number }> {
  const sqlite = t.core.services.store.sqlite;
  const leadId = Number(
    sqlite.prepare("INSERT INTO leads (first_name, email, email_norm, created_at, updated_at) VALUES ('Ada', 'ada@lead.example', 'ada@lead.example', 0, 0)").run().lastInsertRowid,
  );
  const sequence = Number(sqlite.prepare("INSERT INTO sequences (name, created_at, updated_at) VALUES ('Intro', 0, 0)").run().lastInsertRowid);
  const enrollmentId = Number(
    sqlite.prepare("INSERT INTO enrollments (sequence_id, lead_id, status, next_step_due_at, created_at, updated_at) VALUES (?, ?, 'active', 1, 0, 0)").run(sequence, leadId)
      .lastInsertRowid,
  );
  const profile = await call('/profiles', {
    typeCode: 'smtp_imap',
    name: 'Sales mailbox',
    settings: {
      smtp: { host: '127.0.0.1', port: sink.port, security: 'none' },
      imap: { host: '127.0.0.1', port: 1, security: 'none' },
      fromAddress: 'anna@acme-sales.test',
      copyToSent: false,
      publicUnsubscribeUrl: 'https://tunnel.example/u',
    },
    credentials: { user: 'anna@acme-sales.test', password: 'pw' },
    policy: { schedule: null, rampUp: null },
    quotas: { email: { minGapSeconds: 0, jitterSeconds: 0 } },
  });
  return { profileId: Number(profile.id), leadId, enrollmentId };
}

async function send(leadId: number, profileId: number): Promise<number> {
  const composed = await call('/outreach', { leadId, profileId, typeCode: 'email', subject: 'Hello', body: 'Hi Ada' });
  await call(`/outreach/${composed.id}/approve`, {});
  return Number(composed.id);
}

describe('one-click unsubscribe (RFC 8058)', { timeout: 120_000 }, () => {
  it('suppresses the recipient from the link of a real message, stops the sequence, answers 200 again, and aborts the next send', async () => {
    const { profileId, leadId, enrollmentId } = await mailbox();
    const first = await send(leadId, profileId);
    await call(`/profiles/${profileId}/start`, {});
    const [message] = await sink.received(1);
    const link = /^List-Unsubscribe: .*<(https:\/\/tunnel\.example\/u\/[0-9a-f]{32})>/m.exec((message?.raw ?? '').replace(/\r?\n\s+/g, ' '))?.[1];
    expect(link).toBeDefined();
    const path = new URL(link ?? '').pathname;
    await until(() => row(first).status === 'performed');

    // The confirmation page changes nothing; it posts back to the same link.
    const page = await rawRequest(t.origin, path, { headers: { host: 'tunnel.example' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('a***@lead.example');
    expect(page.body).toMatch(/<form method="post" action="[0-9a-f]{32}">/);
    const sqlite = t.core.services.store.sqlite;
    expect(sqlite.prepare('SELECT count(*) AS n FROM suppressions').get()).toEqual({ n: 0 });

    const oneClick = { method: 'POST', headers: { host: 'tunnel.example', 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'MailClient/1' }, body: 'List-Unsubscribe=One-Click' };
    const done = await rawRequest(t.origin, path, oneClick);
    expect(done.status).toBe(200);
    expect(done.body).toContain('Unsubscribed');
    expect(sqlite.prepare('SELECT kind, value, reason, outreach_id FROM suppressions').all()).toEqual([{ kind: 'email', value: 'ada@lead.example', reason: 'unsubscribe', outreach_id: first }]);
    expect(sqlite.prepare('SELECT status, stop_reason FROM enrollments WHERE id = ?').get(enrollmentId)).toEqual({ status: 'stopped', stop_reason: 'unsubscribed' });
    expect(sqlite.prepare("SELECT incoming_kind, parent_outreach_id FROM outreach WHERE direction = 'incoming'").all()).toEqual([{ incoming_kind: 'unsubscribe', parent_outreach_id: first }]);

    // A repeat (a second click, a client retry) still answers 200 and adds only the hit.
    expect((await rawRequest(t.origin, path, { ...oneClick, headers: { ...oneClick.headers, 'content-type': 'multipart/form-data; boundary=x' } })).status).toBe(200);
    expect(sqlite.prepare("SELECT count(*) AS n FROM outreach WHERE direction = 'incoming'").get()).toEqual({ n: 1 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM suppressions').get()).toEqual({ n: 1 });
    expect(sqlite.prepare('SELECT user_agent FROM tracking_events ORDER BY id').all()).toEqual([{ user_agent: 'MailClient/1' }, { user_agent: 'MailClient/1' }]);

    // The next message to that address is aborted by the suppression list at claim: nothing more is sent.
    sqlite.prepare('DELETE FROM suppressions').run();
    const second = await send(leadId, profileId);
    sqlite.prepare("INSERT INTO suppressions (kind, value, reason, created_at, updated_at) VALUES ('email', 'ada@lead.example', 'unsubscribe', 0, 0)").run();
    await until(() => row(second).status === 'aborted');
    expect(row(second)).toMatchObject({ error_kind: 'policy', error_text: expect.stringContaining('suppressed: email ada@lead.example (unsubscribe)') });
    expect(sink.messages).toHaveLength(1);
  });

  it('refuses forged, malformed and other-kind tokens with 404, without a key or a session', async () => {
    const { profileId, leadId } = await mailbox();
    const first = await send(leadId, profileId);
    await call(`/profiles/${profileId}/start`, {});
    await sink.received(1);
    await until(() => row(first).status === 'performed');
    const sqlite = t.core.services.store.sqlite;
    const real = (sqlite.prepare("SELECT token FROM tracking_links WHERE kind = 'unsubscribe'").get() as { token: string }).token;
    // A click-tracking token for the same message is not an unsubscribe token.
    sqlite.prepare("INSERT INTO tracking_links (outreach_id, token, kind, url, created_at) VALUES (?, 'c0ffeec0ffeec0ffeec0ffeec0ffee00', 'click', 'https://x.example', 0)").run(first);
    // A row planted with a token that is not the HMAC of its message is refused too.
    sqlite.prepare("INSERT INTO tracking_links (outreach_id, token, kind, created_at) VALUES (?, '0123456789abcdef0123456789abcdef', 'unsubscribe', 0)").run(first);
    for (const token of [real.replace(/.$/, (c) => (c === '0' ? '1' : '0')), 'c0ffeec0ffeec0ffeec0ffeec0ffee00', '0123456789abcdef0123456789abcdef', 'nope', `${real}x`]) {
      const res = await rawRequest(t.origin, `/u/${token}`, { method: 'POST', headers: { host: 'tunnel.example' }, body: 'List-Unsubscribe=One-Click' });
      expect(res.status, token).toBe(404);
      expect((await rawRequest(t.origin, `/u/${token}`)).status, token).toBe(404);
    }
    expect(sqlite.prepare('SELECT count(*) AS n FROM suppressions').get()).toEqual({ n: 0 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM tracking_events').get()).toEqual({ n: 0 });
  });
});
