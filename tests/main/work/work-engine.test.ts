import { describe, expect, it } from 'vitest';
import type { Connectivity } from '../../../src/main/connectivity/connectivity';
import { openQuotaGate, type QuotaGate } from '../../../src/main/quota/quota-gate';
import type { WorkOutcome } from '../../../src/shared/worker-protocol/messages';
import { addItem, addProfile, itemRow } from '../supervisor/harness';
import { addCheck, addJob, addOutreach, setupEngine, workRow } from './fixtures';

const done: WorkOutcome = { outcome: 'performed', output: { ok: true }, effects: [] };
const fail = (errorKind: 'transient' | 'permanent' | 'policy', extra: Partial<Extract<WorkOutcome, { outcome: 'failed' }>> = {}): WorkOutcome => ({
  outcome: 'failed',
  errorKind,
  errorText: `${errorKind} failure`,
  effects: [],
  ...extra,
});

describe('work engine: claiming', () => {
  it('leases only due, approved items of the profile, oldest due first, up to max', () => {
    const { clock, sqlite, profile, engine } = setupEngine();
    const other = addProfile(sqlite);
    const later = addItem(sqlite, profile, ['succeed'], clock.now() + 1);
    const first = addItem(sqlite, profile, ['succeed'], clock.now() - 5);
    const second = addItem(sqlite, profile, ['succeed'], clock.now());
    addItem(sqlite, other, ['succeed'], clock.now());
    const unapproved = addItem(sqlite, profile, ['succeed'], clock.now() - 10);
    sqlite.prepare("UPDATE enrichments SET approval = 'pending' WHERE id = ?").run(unapproved);
    const items = engine.claim(profile, 'w1', 5);
    expect(items.map((i) => [i.recordId, i.ticket, i.attempt, i.mode])).toEqual([
      [first, `enrichment:${first}:1`, 1, 'perform'],
      [second, `enrichment:${second}:1`, 1, 'perform'],
    ]);
    expect(items[0]).toMatchObject({ typeCode: 'verify_email', params: { outcomes: ['succeed'] }, leaseExpiresAt: clock.now() + 10_000 });
    expect(itemRow(sqlite, first)).toMatchObject({ status: 'running', attempts: 1, lease_owner: 'w1' });
    expect(itemRow(sqlite, later).status).toBe('pending');
    expect(engine.claim(profile, 'w1', 5)).toEqual([]);
  });

  it('hands out all five kinds in due order with their default payloads', () => {
    const { clock, sqlite, profile, engine } = setupEngine();
    const now = clock.now();
    sqlite.prepare(`UPDATE profiles SET inbox_mark = '{"uid":7}', connection_mark = '{"seen":3}' WHERE id = ?`).run(profile);
    const job = addJob(sqlite, profile, now - 5);
    const outreach = addOutreach(sqlite, profile, now - 4);
    addOutreach(sqlite, profile, now - 6, 'pending');
    const inbox = addCheck(sqlite, 'inbox_check', profile, now - 3);
    const connection = addCheck(sqlite, 'connection_check', profile, now - 2);
    const enrichment = addItem(sqlite, profile, ['succeed'], now - 1);
    const items = engine.claim(profile, 'w', 10);
    expect(items.map((i) => [i.kind, i.recordId])).toEqual([
      ['job', job],
      ['outreach', outreach],
      ['inbox_check', inbox],
      ['connection_check', connection],
      ['enrichment', enrichment],
    ]);
    const [jobItem, outreachItem, inboxItem, connectionItem] = items;
    expect(jobItem).toMatchObject({ typeCode: 'public_page', target: null, idempotencyKey: `job:${job}`, params: { url: 'https://example.com/', page: 1, params: { depth: 1 } } });
    expect(outreachItem).toMatchObject({
      typeCode: 'email',
      target: { kind: 'lead' },
      params: { outreachId: outreach, typeCode: 'email', to: 'ada@Example.com', subject: 'Hello', body: 'Body', messageId: expect.stringMatching(/^<m\d+@outpost>$/), inReplyTo: null },
    });
    expect(inboxItem?.params).toEqual({ mark: { uid: 7 } });
    expect(connectionItem?.params).toEqual({ mark: { seen: 3 } });
    for (const item of items) expect(workRow(sqlite, item.kind, item.recordId)).toMatchObject({ status: 'running', attempts: 1, lease_owner: 'w' });
  });

  it('asks the quota gate: a refused item is not claimed and waits until allowedAt; an allowed one is recorded with its recipient domain', () => {
    const checks: unknown[][] = [];
    const records: unknown[][] = [];
    let allowedAt = 0;
    const gate: QuotaGate = {
      check: (...args) => {
        checks.push(args);
        return { allowedAt: Math.max(allowedAt, args[2]), reason: allowedAt > args[2] ? 'gap' : null };
      },
      record: (...args) => void records.push(args),
      failureCapReached: () => false,
    };
    const { clock, sqlite, profile, engine } = setupEngine({ gate });
    const now = clock.now();
    const outreach = addOutreach(sqlite, profile, now);
    const inbox = addCheck(sqlite, 'inbox_check', profile, now);
    allowedAt = now + 90_000;
    expect(engine.claim(profile, 'w', 5)).toEqual([]);
    expect(checks).toEqual([
      [profile, 'email', now, 'example.com'],
      [profile, 'inbox_check', now, null],
    ]);
    expect(workRow(sqlite, 'outreach', outreach)).toMatchObject({ status: 'pending', due_at: now + 90_000 });
    expect(workRow(sqlite, 'inbox_check', inbox)).toMatchObject({ status: 'pending', due_at: now + 90_000 });
    expect(records).toEqual([]);
    clock.advance(90_000);
    expect(engine.claim(profile, 'w', 5)).toHaveLength(2);
    expect(records).toEqual([
      [profile, 'email', now + 90_000, { kind: 'outreach', id: outreach }, 'example.com'],
      [profile, 'inbox_check', now + 90_000, { kind: 'inbox_check', id: inbox }, null],
    ]);
  });

  it('hands out nothing while offline', () => {
    let online = false;
    const connectivity: Connectivity = { isOnline: () => online, reportNetworkFailure: () => undefined };
    const { clock, sqlite, profile, engine } = setupEngine({ connectivity });
    addItem(sqlite, profile, ['succeed'], clock.now());
    expect(engine.claim(profile, 'w', 5)).toEqual([]);
    online = true;
    expect(engine.claim(profile, 'w', 5)).toHaveLength(1);
  });

  it('runs payload builders in the claim: they extend params, and an abort ends the item aborted by policy', () => {
    const { clock, sqlite, profile, engine, events } = setupEngine();
    const kept = addOutreach(sqlite, profile, clock.now());
    const suppressed = addOutreach(sqlite, profile, clock.now());
    engine.onClaim('outreach', (ctx, params) => (ctx.recordId === suppressed ? { abort: 'the recipient is suppressed' } : { ...params, signature: `p${ctx.profileId}` }));
    const items = engine.claim(profile, 'w', 5);
    expect(items.map((i) => i.recordId)).toEqual([kept]);
    expect(items[0]?.params).toMatchObject({ to: 'ada@Example.com', signature: `p${profile}` });
    expect(workRow(sqlite, 'outreach', suppressed)).toMatchObject({ status: 'aborted', error_kind: 'policy', error_text: 'the recipient is suppressed', attempts: 0 });
    expect(events).toContainEqual({ name: 'work.changed', payload: { kind: 'outreach', id: suppressed, status: 'aborted' } });
  });

  it('fails an item whose payload builder throws, leaving the builder’s writes undone, and still hands out the others', () => {
    const { clock, sqlite, profile, engine } = setupEngine();
    const bad = addItem(sqlite, profile, ['succeed'], clock.now() - 1);
    const good = addItem(sqlite, profile, ['succeed'], clock.now());
    engine.onClaim('enrichment', (ctx, params) => {
      ctx.sqlite.prepare("UPDATE enrichments SET params = '{\"touched\":true}' WHERE id = ?").run(ctx.recordId);
      if (ctx.recordId === bad) throw new Error('no template');
      return params;
    });
    expect(engine.claim(profile, 'w', 5).map((i) => i.recordId)).toEqual([good]);
    expect(workRow(sqlite, 'enrichment', bad)).toMatchObject({ status: 'failed', error_kind: 'permanent', error_text: 'preparing the item failed: no template' });
    expect(sqlite.prepare('SELECT params FROM enrichments WHERE id = ?').get(bad)).toEqual({ params: '{"outcomes":["succeed"]}' });
  });
});

describe('work engine: outcomes', () => {
  it('refuses a late result after the lease expired and the item was leased again, and accepts the new attempt once', () => {
    const { clock, sqlite, profile, engine } = setupEngine();
    const id = addItem(sqlite, profile, ['succeed'], clock.now());
    const [old] = engine.claim(profile, 'w1', 1);
    clock.advance(9_999);
    expect(engine.expireLeases()).toEqual([]);
    clock.advance(1);
    expect(engine.expireLeases()).toEqual([{ kind: 'enrichment', id, profileId: profile, owner: 'w1', status: 'pending' }]);
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'pending', error_kind: 'transient', lease_owner: null });
    const [fresh] = engine.claim(profile, 'w2', 1);
    expect(engine.complete('w1', old!.ticket, done).accepted).toBe(false);
    expect(engine.complete('w2', old!.ticket, done).accepted).toBe(false);
    expect(engine.complete('w2', 'enrichment:nope', done).accepted).toBe(false);
    expect(engine.complete('w2', fresh!.ticket, done)).toEqual({ accepted: true, pause: null });
    expect(engine.complete('w2', fresh!.ticket, done).accepted).toBe(false);
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'performed', attempts: 2 });
    expect(JSON.parse(itemRow(sqlite, id).result ?? 'null')).toEqual({ ok: true });
  });

  it('fails an item whose last attempt lost its lease', () => {
    const { clock, sqlite, profile, engine } = setupEngine();
    const id = addItem(sqlite, profile, ['succeed'], clock.now());
    for (let i = 0; i < 3; i++) {
      expect(engine.claim(profile, 'w', 1)).toHaveLength(1);
      clock.advance(10_000);
      engine.expireLeases();
    }
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'failed', attempts: 3, error_kind: 'transient' });
    expect(engine.claim(profile, 'w', 1)).toEqual([]);
  });

  it('retries transient failures with exponential backoff and jitter, then fails after max attempts', () => {
    const randoms = [0.5, 1, 0];
    const { clock, sqlite, profile, engine } = setupEngine({ retry: { baseMs: 1_000, maxMs: 3_000, jitter: 0.2 }, random: () => randoms.shift() ?? 0.5 });
    const id = addItem(sqlite, profile, ['fail_transient'], clock.now());
    sqlite.prepare('UPDATE enrichments SET max_attempts = 4 WHERE id = ?').run(id);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const [item] = engine.claim(profile, 'w', 1);
      expect(item?.attempt).toBe(attempt);
      expect(engine.claim(profile, 'w', 1)).toEqual([]);
      engine.complete('w', item!.ticket, fail('transient'));
      const row = itemRow(sqlite, id);
      if (attempt < 4) {
        expect(row).toMatchObject({ status: 'pending', error_kind: 'transient', error_text: 'transient failure' });
        waits.push(row.due_at - clock.now());
        expect(engine.claim(profile, 'w', 1)).toEqual([]);
        clock.advance(row.due_at - clock.now());
      } else {
        expect(row).toMatchObject({ status: 'failed', error_kind: 'transient', attempts: 4 });
      }
    }
    // 1 s, 2 s, 4 s capped at 3 s; jitter ±20 % from random 0.5 (none), 1 (+20 %), 0 (−20 %).
    expect(waits).toEqual([1_000, 2_400, 2_400]);
  });

  it('fails a permanent failure at once and aborts a policy refusal', () => {
    const { clock, sqlite, profile, engine } = setupEngine();
    const permanent = addItem(sqlite, profile, ['succeed'], clock.now());
    const policy = addItem(sqlite, profile, ['succeed'], clock.now());
    const [a, b] = engine.claim(profile, 'w', 2);
    engine.complete('w', a!.ticket, fail('permanent'));
    engine.complete('w', b!.ticket, fail('policy'));
    expect(itemRow(sqlite, permanent)).toMatchObject({ status: 'failed', error_kind: 'permanent', attempts: 1 });
    expect(itemRow(sqlite, policy)).toMatchObject({ status: 'aborted', error_kind: 'policy', attempts: 1 });
  });

  it('asks for a pause when the gate says the failure cap is reached, and when the type policy’s consecutive failures are reached', () => {
    let capped = false;
    const gate: QuotaGate = { ...openQuotaGate, failureCapReached: () => capped };
    const { clock, sqlite, profile, engine } = setupEngine({ gate });
    sqlite.prepare(`UPDATE profile_types SET defaults = json_set(defaults, '$.policy', json('{"maxConsecutiveFailures": 3}')) WHERE code = 'diagnostic'`).run();
    const run = (outcome: WorkOutcome) => {
      addItem(sqlite, profile, ['succeed'], clock.now());
      const [item] = engine.claim(profile, 'w', 1);
      return engine.complete('w', item!.ticket, outcome).pause?.reason === 'failure_cap';
    };
    expect(run(fail('permanent'))).toBe(false);
    expect(run(fail('transient'))).toBe(false);
    expect(run(done)).toBe(false);
    expect(run(fail('permanent'))).toBe(false);
    expect(run(fail('policy'))).toBe(false);
    expect(run(fail('permanent'))).toBe(false);
    expect(run(fail('transient'))).toBe(true);
    sqlite.prepare(`UPDATE profiles SET policy = '{"maxConsecutiveFailures": 10}', consecutive_failures = 0 WHERE id = ?`).run(profile);
    expect(run(fail('permanent'))).toBe(false);
    capped = true;
    expect(run(fail('policy'))).toBe(true);
  });

  it('returns an item whose failure looked like no network to pending without using the attempt when the machine went offline', () => {
    let online = true;
    const reported: number[] = [];
    const connectivity: Connectivity = {
      isOnline: () => online,
      reportNetworkFailure: (p) => {
        reported.push(p);
        online = reported.length > 1;
      },
    };
    const { clock, sqlite, profile, engine } = setupEngine({ connectivity });
    const id = addItem(sqlite, profile, ['succeed'], clock.now());
    const [first] = engine.claim(profile, 'w', 1);
    engine.complete('w', first!.ticket, fail('transient', { network: true }));
    expect(reported).toEqual([profile]);
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'pending', attempts: 0, due_at: clock.now() });
    online = true;
    const [second] = engine.claim(profile, 'w', 1);
    expect(second?.attempt).toBe(1);
    // Still online after the report: one server failing is an ordinary transient failure.
    engine.complete('w', second!.ticket, fail('transient', { network: true }));
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'pending', attempts: 1, due_at: clock.now() + 60_000 });
  });

  it('runs outcome appliers in the finishing transaction; one that throws rolls the whole finish back', () => {
    const { clock, sqlite, profile, engine } = setupEngine();
    const id = addItem(sqlite, profile, ['effect'], clock.now());
    let broken = true;
    engine.onOutcome('enrichment', (ctx, outcome) => {
      ctx.sqlite.prepare("UPDATE leads SET first_name = 'Enriched' WHERE id = (SELECT lead_id FROM enrichments WHERE id = ?)").run(ctx.recordId);
      if (broken) throw new Error(`applier broke on ${outcome.outcome}`);
    });
    const [item] = engine.claim(profile, 'w', 1);
    expect(engine.beginEffect('w', item!.ticket, item!.idempotencyKey)).toEqual({ accepted: true });
    const performed: WorkOutcome = { ...done, effects: [{ idempotencyKey: item!.idempotencyKey, outcome: 'succeeded', externalRef: 'x1' }] };
    expect(() => engine.complete('w', item!.ticket, performed)).toThrow('applier broke on performed');
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'running', lease_owner: 'w', result: null });
    expect(sqlite.prepare('SELECT outcome FROM effect_ledger').all()).toEqual([{ outcome: 'started' }]);
    expect(sqlite.prepare('SELECT first_name FROM leads l JOIN enrichments e ON e.lead_id = l.id WHERE e.id = ?').get(id)).toEqual({ first_name: 'Ada' });
    broken = false;
    expect(engine.complete('w', item!.ticket, performed).accepted).toBe(true);
    expect(itemRow(sqlite, id).status).toBe('performed');
    expect(sqlite.prepare('SELECT first_name FROM leads l JOIN enrichments e ON e.lead_id = l.id WHERE e.id = ?').get(id)).toEqual({ first_name: 'Enriched' });
  });
});

describe('work engine: effects and unknown outcomes', () => {
  const setup = () => {
    const s = setupEngine();
    const id = addItem(s.sqlite, s.profile, ['effect'], s.clock.now());
    const ledger = () => s.sqlite.prepare('SELECT outcome, external_ref FROM effect_ledger WHERE work_id = ?').all(id);
    return { ...s, id, ledger };
  };

  it('holds an item unknown, never pending, when its lease runs out after an effect began', () => {
    const { clock, sqlite, profile, engine, id, ledger } = setup();
    const [item] = engine.claim(profile, 'w', 1);
    expect(engine.beginEffect('w', item!.ticket, item!.idempotencyKey)).toEqual({ accepted: true });
    expect(ledger()).toEqual([{ outcome: 'started', external_ref: null }]);
    clock.advance(10_000);
    expect(engine.expireLeases()).toMatchObject([{ id, status: 'unknown' }]);
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'unknown', lease_owner: null });
    expect(engine.claim(profile, 'w', 1)).toEqual([]);
  });

  it('refuses to begin an effect an earlier attempt began without an end, and holds the item unknown instead', () => {
    const { clock, sqlite, profile, engine, id } = setup();
    const [first] = engine.claim(profile, 'w1', 1);
    engine.beginEffect('w1', first!.ticket, first!.idempotencyKey);
    // An operator (or a bug) put it back to pending: the ledger still says started.
    sqlite.prepare("UPDATE enrichments SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL WHERE id = ?").run(id);
    const [second] = engine.claim(profile, 'w2', 1);
    expect(engine.beginEffect('w2', second!.ticket, second!.idempotencyKey)).toEqual({
      accepted: false,
      reason: 'an earlier attempt may already have performed this effect',
    });
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'unknown', lease_owner: null });
    expect(engine.complete('w2', second!.ticket, fail('transient')).accepted).toBe(false);
    clock.advance(1);
    expect(engine.beginEffect('w2', 'job:1:1', 'job:1')).toMatchObject({ accepted: false, reason: 'lease lost' });
  });

  it('holds the item unknown when an effect ended unknown, even if the attempt failed', () => {
    const { sqlite, profile, engine, id, ledger } = setup();
    const [item] = engine.claim(profile, 'w', 1);
    engine.beginEffect('w', item!.ticket, item!.idempotencyKey);
    engine.complete('w', item!.ticket, fail('transient', { effects: [{ idempotencyKey: item!.idempotencyKey, outcome: 'unknown', externalRef: null }] }));
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'unknown', error_text: 'transient failure' });
    expect(ledger()).toEqual([{ outcome: 'unknown', external_ref: null }]);
  });

  it('still pauses the profile when a warning page follows an effect of unknown outcome, keeping the snapshot', () => {
    const { clock, sqlite, profile, engine } = setupEngine();
    const id = addOutreach(sqlite, profile, clock.now());
    const [item] = engine.claim(profile, 'w', 1);
    engine.beginEffect('w', item!.ticket, item!.idempotencyKey);
    const snapshot = { screenshot: 'warning.png', html: 'warning.html' };
    const result = engine.complete(
      'w',
      item!.ticket,
      fail('transient', { pause: 'warning_page', snapshot, effects: [{ idempotencyKey: item!.idempotencyKey, outcome: 'unknown', externalRef: null }] }),
    );
    expect(result).toEqual({ accepted: true, pause: { reason: 'warning_page', detail: 'transient failure' } });
    expect(workRow(sqlite, 'outreach', id).status).toBe('unknown');
    expect(sqlite.prepare('SELECT error_snapshot FROM outreach WHERE id = ?').pluck().get(id)).toBe(JSON.stringify(snapshot));
  });

  it('hands unknown items to a verifying worker in verify mode and settles them by its answer', () => {
    const { clock, sqlite, profile, engine, id, ledger } = setup();
    const strand = () => {
      const [item] = engine.claim(profile, 'w', 1);
      engine.beginEffect('w', item!.ticket, item!.idempotencyKey);
      clock.advance(10_000);
      engine.expireLeases();
      expect(itemRow(sqlite, id).status).toBe('unknown');
    };
    strand();
    expect(engine.claim(profile, 'w', 1)).toEqual([]);
    const [check] = engine.claim(profile, 'w', 1, { verify: true });
    expect(check).toMatchObject({ mode: 'verify', ticket: `enrichment:${id}:1:verify`, attempt: 1 });
    // Did not happen: pending again, the ledger closed as failed so the next attempt may begin the effect.
    engine.complete('w', check!.ticket, { outcome: 'verified', happened: false, externalRef: null });
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(ledger()).toEqual([{ outcome: 'failed', external_ref: null }]);
    strand();
    expect(ledger()).toEqual([{ outcome: 'started', external_ref: null }]);
    // Cannot tell: stays unknown for the operator and is not handed out again.
    const [again] = engine.claim(profile, 'w', 1, { verify: true });
    engine.complete('w', again!.ticket, { outcome: 'verified', happened: null, externalRef: null });
    expect(itemRow(sqlite, id).status).toBe('unknown');
    expect(sqlite.prepare('SELECT state, verify_tries FROM unknown_outcomes').all()).toEqual([{ state: 'operator', verify_tries: 1 }]);
    expect(engine.claim(profile, 'w', 1, { verify: true })).toEqual([]);
    // Happened: performed, the ledger succeeded with the evidence's reference.
    sqlite.prepare("UPDATE unknown_outcomes SET state = 'verify'").run();
    const [last] = engine.claim(profile, 'w', 1, { verify: true });
    engine.complete('w', last!.ticket, { outcome: 'verified', happened: true, externalRef: 'sent-42' });
    expect(itemRow(sqlite, id)).toMatchObject({ status: 'performed', attempts: 2 });
    expect(ledger()).toEqual([{ outcome: 'succeeded', external_ref: 'sent-42' }]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM unknown_outcomes').get()).toEqual({ n: 0 });
  });

  it('retries a failed verification later and leaves the item to the operator after repeated failures', () => {
    const s = setupEngine({ maxVerifyTries: 2 });
    const id = addItem(s.sqlite, s.profile, ['effect'], s.clock.now());
    const [item] = s.engine.claim(s.profile, 'w', 1);
    s.engine.beginEffect('w', item!.ticket, item!.idempotencyKey);
    s.clock.advance(10_000);
    s.engine.expireLeases();
    const [first] = s.engine.claim(s.profile, 'w', 1, { verify: true });
    s.engine.complete('w', first!.ticket, fail('transient'));
    expect(s.sqlite.prepare('SELECT state, verify_tries, due_at FROM unknown_outcomes').get()).toEqual({ state: 'verify', verify_tries: 1, due_at: s.clock.now() + 60_000 });
    expect(s.engine.claim(s.profile, 'w', 1, { verify: true })).toEqual([]);
    s.clock.advance(60_000);
    const [second] = s.engine.claim(s.profile, 'w', 1, { verify: true });
    s.engine.complete('w', second!.ticket, fail('transient'));
    expect(s.sqlite.prepare('SELECT state, verify_tries FROM unknown_outcomes').get()).toEqual({ state: 'operator', verify_tries: 2 });
    expect(itemRow(s.sqlite, id).status).toBe('unknown');
  });

  it('refuses effects for kinds that have none', () => {
    const { clock, sqlite, profile, engine } = setupEngine();
    addCheck(sqlite, 'inbox_check', profile, clock.now());
    const [item] = engine.claim(profile, 'w', 1);
    expect(engine.beginEffect('w', item!.ticket, 'x')).toEqual({ accepted: false, reason: 'inbox_check items have no external effects' });
  });
});
