import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { ManualClock } from '../../helpers/manual-clock';
import { rawRequest } from '../../helpers/raw-request';

let t: TestCore;
const clock = new ManualClock();
beforeAll(async () => {
  // a manual clock: no loop pass runs unless the test says so, so the rows below stay as inserted
  t = await startTestCore({ clock });
});
afterAll(() => t.stop());

describe('/metrics', () => {
  it('refuses anonymous calls and a wrong key', async () => {
    expect((await fetch(`${t.origin}/metrics`)).status).toBe(401);
    expect((await t.api('/metrics', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
  });

  it('refuses a foreign Host header like every other route', async () => {
    const res = await rawRequest(t.origin, '/metrics', { headers: { host: 'evil.test', authorization: `Bearer ${t.key}` } });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it('serves loop, queue, worker, import, outreach, request-latency and process series in the Prometheus text format', async () => {
    const db = t.core.services.store.sqlite;
    db.prepare("INSERT INTO leads (created_at, updated_at) VALUES (0, 0)").run();
    db.prepare("INSERT INTO outreach (outreach_type_id, direction, lead_id, approval, idempotency_key, status, finished_at, due_at, created_at, updated_at) VALUES (1, 'outgoing', 1, 'auto', 'k', 'performed', 1000, 0, 0, 0)").run();
    db.prepare("INSERT INTO outreach (outreach_type_id, direction, lead_id, approval, idempotency_key, due_at, created_at, updated_at) VALUES (1, 'outgoing', 1, 'pending', 'k2', 0, 0, 0)").run();
    db.prepare("INSERT INTO imports (origin, file_name, file_path, file_size, options, mapping, status, rows_staged, created_at, updated_at) VALUES ('file', 'a.csv', '/nowhere', 1, '{}', '[]', 'importing', 10, 0, 0)").run();
    t.core.services.timeline.foldAll();
    await t.api('/api/v1/health');
    const res = await t.api('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const series of [
      /^outpost_loop_lag_seconds\{loop="timeline"\} 0$/m,
      /^outpost_work_items\{kind="outreach",status="performed"\} 1$/m,
      /^outpost_work_items\{kind="outreach",status="pending"\} 1$/m,
      /^outpost_import_rows\{import="1",stage="staged"\} 10$/m,
      /^outpost_outreach_total\{event="outreach_performed"\} 1$/m,
      /^outpost_outreach_total\{event="replied"\} 0$/m,
      /^outpost_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/health",status="200"\} 1$/m,
      /^outpost_workers 0$/m,
      /^process_resident_memory_bytes \d+/m,
      /^nodejs_eventloop_lag_seconds /m,
    ]) {
      expect(text).toMatch(series);
    }
  });

  it('reports the duration of each loop pass once loops ran', async () => {
    clock.advance(2000);
    await vi.waitFor(async () => expect(await (await t.api('/metrics')).text()).toMatch(/^outpost_loop_last_pass_seconds\{loop="timeline"\} \d/m));
  });
});
