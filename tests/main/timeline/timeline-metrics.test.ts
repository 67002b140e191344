import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/store/store';
import { Timeline } from '../../../src/main/timeline/timeline';
import { tempDir } from '../../helpers/temp-dir';
import { bucket, bucketLines, seedFixture, T0 } from './timeline-workload';

const H = 3_600_000;

function setup() {
  const store = openStore(join(tempDir(), 'outpost.sqlite'));
  const db = store.sqlite;
  const f = seedFixture(db, 2);
  const run = (sql: string, ...args: unknown[]) => Number(db.prepare(sql).run(...args).lastInsertRowid);
  const [p1] = f.profiles as [number];
  const [s1] = f.sources as [{ id: number; urlId: number }];
  const [r1] = f.rules as [number];
  const [q1] = f.sequences as [{ id: number; stepId: number }];
  const [lead] = f.leads as [number];
  const instance = (status: string, finishedAt: number | null) =>
    run("INSERT INTO rule_instances (rule_id, target_kind, target_id, status, finished_at, due_at, created_at, updated_at) VALUES (?, 'lead', ?, ?, ?, 0, 0, 0)", r1, run('INSERT INTO leads (created_at, updated_at) VALUES (0, 0)'), status, finishedAt);
  return { store, db, run, p1, s1, r1, q1, lead, instance };
}

const values = (db: Database, kind: string, id: number, at: number) =>
  Object.fromEntries(
    (db.prepare('SELECT metric, value FROM timeline_buckets WHERE dimension_kind = ? AND dimension_id = ? AND bucket_at = ? ORDER BY metric').all(kind, id, at) as { metric: string; value: number }[]).map((r) => [r.metric, r.value]),
  );

describe('timeline: each metric in each dimension', () => {
  it('jobs count per source and profile, in the hour they finished', async () => {
    const { store, db, run, p1, s1 } = setup();
    run("INSERT INTO jobs (source_id, source_url_id, url, profile_id, status, finished_at, events_seen, events_new, leads_new, companies_new, due_at, created_at, updated_at) VALUES (?, ?, 'u', ?, 'performed', ?, 3, 2, 1, 1, 0, 0, 0)", s1.id, s1.urlId, p1, T0 + H + 5);
    run("INSERT INTO jobs (source_id, source_url_id, url, profile_id, status, finished_at, events_seen, events_new, leads_new, companies_new, due_at, created_at, updated_at) VALUES (?, ?, 'u', NULL, 'failed', ?, 1, 0, 0, 0, 0, 0, 0)", s1.id, s1.urlId, T0 + H + 9);
    run("INSERT INTO jobs (source_id, source_url_id, url, profile_id, status, due_at, created_at, updated_at) VALUES (?, ?, 'u', ?, 'running', 0, 0, 0)", s1.id, s1.urlId, p1);
    new Timeline(db, () => 1).foldAll();
    const job = { jobs_performed: 1, events: 4, unique_events: 2, new_leads: 1, new_companies: 1 };
    expect(values(db, 'all', 0, T0 + H)).toEqual(job);
    expect(values(db, 'source', s1.id, T0 + H)).toEqual(job);
    expect(values(db, 'profile', p1, T0 + H)).toEqual({ ...job, events: 3 });
    expect(db.prepare("SELECT count(*) FROM timeline_buckets WHERE dimension_kind IN ('rule', 'sequence')").pluck().get()).toBe(0);
    await store.close();
  });

  it('enrichments and rule instances count per profile and rule', async () => {
    const { store, db, run, p1, r1, lead, instance } = setup();
    const ri = instance('performed', T0 + 2 * H);
    instance('failed', T0 + 2 * H);
    run("INSERT INTO enrichments (enrichment_type_id, lead_id, profile_id, rule_instance_id, idempotency_key, status, hit, finished_at, due_at, created_at, updated_at) VALUES (1, ?, ?, ?, 'a', 'performed', 1, ?, 0, 0, 0)", lead, p1, ri, T0 + 2 * H + 1);
    run("INSERT INTO enrichments (enrichment_type_id, lead_id, profile_id, rule_instance_id, idempotency_key, status, hit, finished_at, due_at, created_at, updated_at) VALUES (1, ?, ?, ?, 'b', 'performed', 0, ?, 0, 0, 0)", lead, p1, ri, T0 + 2 * H + 2);
    run("INSERT INTO enrichments (enrichment_type_id, lead_id, profile_id, idempotency_key, status, hit, finished_at, due_at, created_at, updated_at) VALUES (1, ?, ?, 'c', 'failed', 1, ?, 0, 0, 0)", lead, p1, T0 + 2 * H + 3);
    new Timeline(db, () => 1).foldAll();
    expect(values(db, 'all', 0, T0 + 2 * H)).toEqual({ enrichment_hits: 1, enrichments_performed: 2, rule_instances_performed: 1 });
    expect(values(db, 'rule', r1, T0 + 2 * H)).toEqual({ enrichment_hits: 1, enrichments_performed: 2, rule_instances_performed: 1 });
    expect(values(db, 'profile', p1, T0 + 2 * H)).toEqual({ enrichment_hits: 1, enrichments_performed: 2 });
    await store.close();
  });

  it('outreach sent, its replies, bounces, acceptances, opens and clicks count per profile, rule and sequence; received rows inherit what they answer', async () => {
    const { store, db, run, p1, r1, q1, lead, instance } = setup();
    const enrollment = run("INSERT INTO enrollments (sequence_id, lead_id, status, created_at, updated_at) VALUES (?, ?, 'completed', 0, 0)", q1.id, lead);
    const sent = run(
      "INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, rule_instance_id, enrollment_id, approval, idempotency_key, status, occurred_at, finished_at, due_at, created_at, updated_at) VALUES (1, 'outgoing', ?, ?, ?, ?, 'auto', 'k1', 'performed', ?, ?, 0, 0, 0)",
      lead, p1, instance('pending', null), enrollment, T0 + 3 * H + 1, T0 + 4 * H,
    );
    run("INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, approval, idempotency_key, status, finished_at, due_at, created_at, updated_at) VALUES (1, 'outgoing', ?, ?, 'auto', 'k2', 'failed', ?, 0, 0, 0)", lead, p1, T0 + 3 * H);
    run("INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, approval, idempotency_key, due_at, created_at, updated_at) VALUES (1, 'outgoing', ?, ?, 'auto', 'k3', 0, 0, 0)", lead, p1);
    const receive = (direction: string, kind: string | null) =>
      run('INSERT INTO outreach (outreach_type_id, direction, incoming_kind, lead_id, parent_outreach_id, occurred_at, due_at, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, 0, ?, 0)', direction, kind, lead, sent, T0 + 5 * H + 10, T0 + 9 * H);
    for (const kind of ['reply', 'auto_reply', 'hard_bounce', 'soft_bounce', 'unsubscribe']) receive('incoming', kind);
    receive('accepted', null);
    for (const [kind, hits] of [['open', 2], ['click', 1], ['unsubscribe', 1]] as const) {
      const link = run('INSERT INTO tracking_links (outreach_id, token, kind, url, created_at) VALUES (?, ?, ?, ?, 0)', sent, kind, kind, kind === 'click' ? 'https://x.test' : null);
      for (let i = 0; i < hits; i++) run('INSERT INTO tracking_events (tracking_link_id, occurred_at) VALUES (?, ?)', link, T0 + 6 * H + i);
    }
    new Timeline(db, () => 1).foldAll();
    for (const [kind, id] of [['all', 0], ['profile', p1], ['rule', r1], ['sequence', q1.id]] as const) {
      expect(values(db, kind, id, T0 + 3 * H), kind).toEqual({ outreach_performed: 1 });
      expect(values(db, kind, id, T0 + 5 * H), kind).toEqual({ accepted: 1, auto_replied: 1, bounced: 2, replied: 1, unsubscribed: 1 });
      expect(values(db, kind, id, T0 + 6 * H), kind).toEqual({ clicked: 1, opened: 2 });
    }
    await store.close();
  });
});

describe('timeline: rows that change after they were counted', () => {
  it('a retried job leaves its old hour and counts again where it finishes; a late event on a counted job is added', async () => {
    const { store, db, run, s1 } = setup();
    const timeline = new Timeline(db, () => 1);
    const job = run("INSERT INTO jobs (source_id, source_url_id, url, status, finished_at, events_seen, due_at, created_at, updated_at) VALUES (?, ?, 'u', 'failed', ?, 2, 0, 0, 0)", s1.id, s1.urlId, T0);
    timeline.foldAll();
    expect(bucket(db, 'source', s1.id, T0, 'events')).toBe(2);
    db.prepare("UPDATE jobs SET status = 'pending', finished_at = NULL WHERE id = ?").run(job);
    expect(bucketLines(db)).toEqual([]);
    timeline.foldAll();
    expect(bucketLines(db)).toEqual([]);
    db.prepare("UPDATE jobs SET status = 'performed', finished_at = ?, events_seen = 5 WHERE id = ?").run(T0 + 7 * H, job);
    timeline.foldAll();
    expect(values(db, 'source', s1.id, T0 + 7 * H)).toEqual({ events: 5, jobs_performed: 1 });
    db.prepare('UPDATE jobs SET events_seen = 6, updated_at = 9 WHERE id = ?').run(job);
    // an update of columns the timeline does not read leaves the row counted
    db.prepare('UPDATE jobs SET updated_at = 10 WHERE id = ?').run(job);
    timeline.foldAll();
    expect(values(db, 'all', 0, T0 + 7 * H)).toEqual({ events: 6, jobs_performed: 1 });
    await store.close();
  });

  it('a reply arriving later counts in its own hour and leaves the sent count alone', async () => {
    const { store, db, run, p1, lead } = setup();
    const timeline = new Timeline(db, () => 1);
    const sent = run("INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, approval, idempotency_key, status, finished_at, due_at, created_at, updated_at) VALUES (1, 'outgoing', ?, ?, 'auto', 'k', 'performed', ?, 0, 0, 0)", lead, p1, T0);
    timeline.foldAll();
    run("INSERT INTO outreach (outreach_type_id, direction, incoming_kind, lead_id, parent_outreach_id, occurred_at, due_at, created_at, updated_at) VALUES (1, 'incoming', 'reply', ?, ?, ?, 0, 0, 0)", lead, sent, T0 + 30 * H);
    expect(timeline.foldAll()).toBe(1);
    expect(values(db, 'profile', p1, T0)).toEqual({ outreach_performed: 1 });
    expect(values(db, 'profile', p1, T0 + 30 * H)).toEqual({ replied: 1 });
    await store.close();
  });
});
