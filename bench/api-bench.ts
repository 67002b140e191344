import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startCore } from '../src/main/core';
import { fakeLeadRows } from './fake-leads';
import { medianAsyncMs, report } from './measure';

const LEADS = 200_000;
const REQUESTS = 200;

/** One page of the leads list through the whole API (HTTP, auth, validation, count) against the same page read with raw SQL. */
export async function benchLeadsApi(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'outpost-bench-api-'));
  const core = await startCore({ edition: 'browser', dataDir, port: 0, dashboardDir: join(dataDir, 'none'), logger: pino({ level: 'silent' }) });
  try {
    const db = core.services.store.sqlite;
    const insert = db.prepare('INSERT INTO leads (first_name, last_name, email, email_norm, job_title, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => fakeLeadRows(LEADS).forEach((r) => insert.run(r.first, r.last, r.email, r.email, r.title, r.country, 1, 1)))();
    const page = db.prepare('SELECT * FROM leads LEFT JOIN companies ON companies.id = leads.company_id WHERE leads.deleted_at IS NULL ORDER BY leads.id DESC LIMIT 51');
    const raw = await medianAsyncMs(REQUESTS, async () => page.all());
    report(`raw SQL page of 50 (${LEADS} leads)`, raw, 'ms');
    const headers = { authorization: `Bearer ${core.firstApiKey}` };
    const api = await medianAsyncMs(REQUESTS, async () => (await fetch(`${core.http.origin}/api/v1/leads?limit=50`, { headers })).json());
    report('leads.list over HTTP (with total count)', api, 'ms', { name: 'raw SQL page', value: raw });
  } finally {
    await core.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
