import { describe, expect, it } from 'vitest';
import { RuleEngine } from '../../../src/main/rules/rule-engine';
import { ruleFixture } from './rule-fixture';

const addTag = (tagId: number) => ({ kind: 'add_tag' as const, tagId });

describe('rule loop', () => {
  it('makes one instance per (rule, target) however often it runs, even when a loop stops mid-pass and another restarts', async () => {
    const f = ruleFixture({ scanIds: 3, performBatch: 2 });
    const tag = f.tag('seen');
    for (let i = 0; i < 10; i++) f.lead();
    const rule = f.create({ name: 'tag all', trigger: { kind: 'lead_created' }, action: addTag(tag), applyToPrevious: true });
    // stop the first loop as soon as its pass has started: it ends between two batches
    const first = f.loop.runOnce();
    await f.loop.stop();
    await first;
    const partial = f.instances(rule.id).length;
    expect(partial).toBeLessThan(10);
    f.restart();
    await f.pass();
    await f.pass();
    const after = f.instances(rule.id);
    expect(after.map((i) => i.target_id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(after.every((i) => i.status === 'performed')).toBe(true);
    // re-reading every trigger row from the start creates nothing new
    f.db.prepare('UPDATE rules SET trigger_cursor = 0').run();
    await f.pass();
    expect(f.instances(rule.id)).toHaveLength(10);
    expect(f.db.prepare('SELECT count(*) FROM tag_links WHERE tag_id = ?').pluck().get(tag)).toBe(10);
    expect(f.rules.get(rule.id)?.counters).toMatchObject({ passedFilter: 10, performed: 10, pending: 0, failed: 0 });
  });

  it('two engines on overlapping passes never create a second instance or perform twice', async () => {
    const f = ruleFixture();
    const tag = f.tag('x');
    const rule = f.create({ name: 'r', trigger: { kind: 'lead_created' }, action: addTag(tag) });
    for (let i = 0; i < 50; i++) f.lead();
    const a = new RuleEngine(f.db, () => f.clock.now(), { scanIds: 7, performBatch: 5 });
    const b = new RuleEngine(f.db, () => f.clock.now(), { scanIds: 11, performBatch: 3 });
    // interleave their steps
    for (let i = 0; i < 30; i++) {
      a.scanStep(rule.id);
      b.scanStep(rule.id);
      a.performStep();
      b.performStep();
    }
    const instances = f.instances(rule.id);
    expect(instances).toHaveLength(50);
    expect(new Set(instances.map((i) => i.target_id)).size).toBe(50);
    expect(instances.every((i) => i.status === 'performed')).toBe(true);
    expect(f.db.prepare('SELECT count(*) FROM tag_links WHERE tag_id = ?').pluck().get(tag)).toBe(50);
    expect(f.rules.get(rule.id)?.counters.triggered).toBe(50);
  });

  it('without apply-to-previous only new records trigger; with it, old ones too', async () => {
    const f = ruleFixture();
    const [tNew, tAll] = [f.tag('new'), f.tag('all')];
    const old = f.lead();
    const onlyNew = f.create({ name: 'new', trigger: { kind: 'lead_created' }, action: addTag(tNew) });
    const all = f.create({ name: 'all', trigger: { kind: 'lead_created' }, action: addTag(tAll), applyToPrevious: true });
    const fresh = f.lead();
    await f.pass();
    expect(f.instances(onlyNew.id).map((i) => i.target_id)).toEqual([fresh]);
    expect(f.instances(all.id).map((i) => i.target_id)).toEqual([old, fresh]);
  });

  it('waits for the delay: an instance is due at trigger time + delay and performs only then', async () => {
    const f = ruleFixture();
    const tag = f.tag('later');
    const rule = f.create({ name: 'later', trigger: { kind: 'lead_created' }, action: addTag(tag), delaySeconds: 3600 });
    const lead = f.lead();
    const createdAt = f.clock.now();
    f.clock.advance(1000);
    await f.pass();
    expect(f.instances(rule.id)).toMatchObject([{ target_id: lead, status: 'pending', due_at: createdAt + 3_600_000 }]);
    f.clock.advance(3_600_000 - 2000);
    await f.pass();
    expect(f.instances(rule.id)[0]?.status).toBe('pending');
    expect(f.tagsOf('lead', lead)).toEqual([]);
    f.clock.advance(1000);
    await f.pass();
    expect(f.instances(rule.id)[0]?.status).toBe('performed');
    expect(f.tagsOf('lead', lead)).toEqual([tag]);
  });

  it('chains: a rule triggered by another runs after it, on the same target, linking the parent instance', async () => {
    const f = ruleFixture();
    const [t1, t2, t3] = [f.tag('one'), f.tag('two'), f.tag('three')];
    const first = f.create({ name: 'first', trigger: { kind: 'lead_created' }, action: addTag(t1) });
    const second = f.create({ name: 'second', trigger: { kind: 'rule_performed', ruleId: first.id }, action: addTag(t2) });
    // a tag chain: the tag the second adds fires the third, after a delay
    const third = f.create({ name: 'third', trigger: { kind: 'tag_added', tagId: t2 }, action: addTag(t3), delaySeconds: 60 });
    const lead = f.lead();
    await f.pass();
    const [parent] = f.instances(first.id);
    const [child] = f.instances(second.id);
    expect(child).toMatchObject({ target_kind: 'lead', target_id: lead, status: 'performed', parent_instance_id: parent?.id });
    expect(f.tagsOf('lead', lead)).toEqual([t1, t2]);
    expect(f.instances(third.id)).toMatchObject([{ status: 'pending' }]);
    f.clock.advance(60_000);
    await f.pass();
    expect(f.tagsOf('lead', lead)).toEqual([t1, t2, t3]);
  });

  it('a rule after an outreach rule fires only once the outreach it created is sent', async () => {
    const f = ruleFixture();
    const tag = f.tag('emailed');
    const send = f.create({ name: 'send', trigger: { kind: 'lead_created' }, action: { kind: 'outreach', typeCode: 'email', subject: 'Hi {{first_name}}', body: 'Hello {{first_name}}', autoApprove: true } });
    const after = f.create({ name: 'after', trigger: { kind: 'rule_performed', ruleId: send.id }, action: addTag(tag) });
    const lead = f.lead({ first_name: 'Zoe' });
    await f.pass();
    const row = f.db.prepare('SELECT id, subject, body, approval, lead_address, rule_instance_id FROM outreach').get() as Record<string, unknown>;
    expect(row).toMatchObject({ subject: 'Hi Zoe', body: 'Hello Zoe', approval: 'auto', lead_address: 'lead1@example.com' });
    expect(f.instances(after.id)).toEqual([]);
    f.db.prepare("UPDATE outreach SET status = 'performed', finished_at = ?, updated_at = ? WHERE id = ?").run(f.clock.now(), f.clock.now(), row.id);
    await f.pass();
    expect(f.instances(after.id)).toMatchObject([{ target_id: lead, status: 'performed', parent_instance_id: row.rule_instance_id }]);
  });

  it('a paused rule neither triggers nor acts; resumed, it catches up from its cursor', async () => {
    const f = ruleFixture();
    const tag = f.tag('p');
    const rule = f.create({ name: 'p', trigger: { kind: 'lead_created' }, action: addTag(tag), delaySeconds: 10 });
    f.lead();
    await f.pass();
    f.rules.setActive(rule.id, false);
    const second = f.lead();
    f.clock.advance(20_000);
    await f.pass();
    expect(f.instances(rule.id).map((i) => i.status)).toEqual(['pending']);
    f.rules.setActive(rule.id, true);
    await f.pass();
    // the second lead was created 20 s ago: its instance is made now and is already due
    expect(f.instances(rule.id).map((i) => [i.target_id, i.status])).toEqual([
      [1, 'performed'],
      [second, 'performed'],
    ]);
  });

  it('counts triggered, passed filter, performed and failed', async () => {
    const f = ruleFixture();
    const rule = f.create({
      name: 'mail UK',
      trigger: { kind: 'lead_created' },
      filter: { lead: { countries: ['UK'] } },
      action: { kind: 'outreach', typeCode: 'email', subject: 'Hi', body: 'Hello', autoApprove: false },
    });
    f.lead({ country: 'UK' });
    f.lead({ country: 'UK', email: null });
    f.lead({ country: 'FR' });
    const pushed: string[] = [];
    f.bus.subscribe((e) => pushed.push(e.name === 'approvals.changed' ? `approvals ${e.payload.waiting}` : e.name));
    await f.pass();
    expect(pushed).toEqual(['rules.changed', 'approvals 1']);
    expect(f.rules.get(rule.id)?.counters).toEqual({ triggered: 3, passedFilter: 2, pending: 0, performed: 1, failed: 1 });
    expect(f.instances(rule.id).find((i) => i.status === 'aborted')?.error_text).toMatch(/no email address/);
    expect(f.db.prepare("SELECT approval FROM outreach").pluck().all()).toEqual(['pending']);
  });

  it('reply, acceptance, bounce, unsubscribe and click triggers read outreach rows by id', async () => {
    const f = ruleFixture();
    const lead = f.lead();
    const kinds = ['reply', 'acceptance', 'bounce', 'unsubscribe', 'click'] as const;
    const rules = Object.fromEntries(kinds.map((kind) => [kind, f.create({ name: kind, trigger: { kind }, action: addTag(f.tag(kind)) })]));
    const out = Number(
      f.db.prepare("INSERT INTO outreach (outreach_type_id, direction, lead_id, approval, idempotency_key, due_at, created_at, updated_at) VALUES (1, 'outgoing', ?, 'auto', 'k', 0, 0, 0)").run(lead).lastInsertRowid,
    );
    const incoming = f.db.prepare("INSERT INTO outreach (outreach_type_id, direction, incoming_kind, lead_id, parent_outreach_id, due_at, created_at, updated_at) VALUES (1, ?, ?, ?, ?, 0, ?, ?)");
    incoming.run('incoming', 'reply', lead, out, 5, 5);
    incoming.run('accepted', null, lead, out, 5, 5);
    incoming.run('incoming', 'hard_bounce', lead, out, 5, 5);
    incoming.run('incoming', 'unsubscribe', lead, out, 5, 5);
    const link = f.db.prepare("INSERT INTO tracking_links (outreach_id, token, kind, url, created_at) VALUES (?, 't', 'click', 'https://x.test', 0)").run(out).lastInsertRowid;
    f.db.prepare('INSERT INTO tracking_events (tracking_link_id, occurred_at) VALUES (?, 7)').run(link);
    await f.pass();
    for (const kind of kinds) expect(f.instances(rules[kind]!.id), kind).toMatchObject([{ target_id: lead, status: 'performed' }]);
  });

  it('event and company triggers act on their records; a source narrows creation to its events', async () => {
    const f = ruleFixture();
    const db = f.db;
    db.prepare("INSERT INTO sources (source_type_id, name, cadence_seconds, created_at, updated_at) VALUES (1, 's1', 60, 0, 0), (1, 's2', 60, 0, 0)").run();
    db.prepare("INSERT INTO source_urls (source_id, url, url_norm, next_run_at, created_at, updated_at) VALUES (1, 'u', 'u', 0, 0, 0)").run();
    db.prepare("INSERT INTO jobs (source_id, source_url_id, url, due_at, created_at, updated_at) VALUES (1, 1, 'u', 0, 0, 0)").run();
    const company = f.company({ name: 'Globex' });
    const lead = f.lead({ company_id: company });
    const [te, tl, tc] = [f.tag('ev'), f.tag('ld'), f.tag('co')];
    const onEvent = f.create({ name: 'ev', trigger: { kind: 'event_created', sourceId: 1 }, filter: { event: { textInclude: ['hiring'] } }, action: addTag(te) });
    const onLead = f.create({ name: 'ld', trigger: { kind: 'lead_created', sourceId: 1 }, action: addTag(tl) });
    const onCompany = f.create({ name: 'co', trigger: { kind: 'company_created' }, action: addTag(tc), applyToPrevious: true });
    const event = db.prepare("INSERT INTO events (url, url_norm, kind, source_id, job_id, title, text, descriptor, lead_id, lead_created, created_at, updated_at) VALUES (?, ?, 'post', 1, 1, ?, ?, '{}', ?, 1, 0, 0)");
    event.run('a', 'a', 'We are hiring', 'engineers', lead);
    event.run('b', 'b', 'Quiet', 'nothing', lead);
    await f.pass();
    expect(f.instances(onEvent.id).map((i) => [i.target_kind, i.target_id])).toEqual([['event', 1]]);
    expect(f.tagsOf('lead', lead)).toEqual([te, tl]);
    expect(f.instances(onLead.id)).toHaveLength(1);
    expect(f.instances(onCompany.id).map((i) => [i.target_kind, i.target_id])).toEqual([['company', company]]);
    expect(f.tagsOf('company', company)).toEqual([tc]);
  });
});
