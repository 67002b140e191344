import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { startFixtureSite, type FixtureSite } from '../../../fixtures/sites/fixture-site';
import { tempDir } from '../../../helpers/temp-dir';
import { alive, startHarness, until, type Harness } from '../../../main/supervisor/harness';
import { browserProfile } from './browser-harness';

vi.setConfig({ testTimeout: 300_000 });

const LEASE_MS = 60_000;

/** Pids of browser processes running on this user-data folder. */
function browserPids(userDataDir: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(userDataDir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function setup(type: 'linkedin' | 'facebook') {
  const h = startHarness({ leaseMs: LEASE_MS });
  const site = await startFixtureSite({ requireLogin: false });
  onTestFinished(() => site.close());
  const profile = browserProfile(site, tempDir('outpost-browser-crash-'), type);
  const db = h.store.sqlite;
  const id = Number(
    db
      .prepare("INSERT INTO profiles (profile_type_id, name, settings, active, created_at, updated_at) SELECT id, 'browser', ?, 1, 0, 0 FROM profile_types WHERE code = ?")
      .run(JSON.stringify(profile.settings), type).lastInsertRowid,
  );
  return { h, site, id, userDataDir: String(profile.settings.userDataDir) };
}

let nextKey = 1;
function addOutreach(db: Database, profileId: number, typeCode: string, to: string, body: string, dueAt: number): number {
  const lead = Number(db.prepare('INSERT INTO leads (first_name, created_at, updated_at) VALUES (?, 0, 0)').run('Ada').lastInsertRowid);
  return Number(
    db
      .prepare(
        `INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, lead_address, body, approval, idempotency_key, due_at, created_at, updated_at)
         SELECT id, 'outgoing', ?, ?, ?, ?, 'auto', ?, ?, 0, 0 FROM outreach_types WHERE code = ?`,
      )
      .run(lead, profileId, to, body, `browser-crash-${process.pid}-${nextKey++}`, dueAt, typeCode).lastInsertRowid,
  );
}

const status = (h: Harness, id: number) => (h.store.sqlite.prepare('SELECT status FROM outreach WHERE id = ?').get(id) as { status: string }).status;
const ledger = (h: Harness) => h.store.sqlite.prepare('SELECT outcome, external_ref FROM effect_ledger').all();

/** Kills the worker (and so its browser) once the site has recorded the action, then lets the lease run out and the next worker verify. */
async function killMidActionThenVerify(h: Harness, site: FixtureSite, profileId: number, userDataDir: string, recorded: () => boolean, item: number) {
  site.state.holdActionReplies = true;
  h.supervisor.start(profileId);
  await until(recorded);
  const pid = h.state(profileId).worker?.pid ?? 0;
  process.kill(pid, 'SIGKILL');
  await until(() => h.state(profileId).worker === null);
  // The browser goes with its worker, so the next worker can open the same profile folder.
  await until(() => !alive(pid) && browserPids(userDataDir).length === 0);
  site.state.holdActionReplies = false;
  expect(status(h, item)).toBe('running');
  h.clock.advance(LEASE_MS);
  expect(h.sweep().expired).toMatchObject([{ kind: 'outreach', id: item, status: 'unknown' }]);
  await settle(h, profileId, () => status(h, item) === 'performed');
}

/** Moves time (restart backoff, retries) until `done`, only while no worker is starting or holding a lease (a browser action takes real seconds). */
async function settle(h: Harness, profileId: number, done: () => boolean) {
  await until(async () => {
    const view = h.state(profileId);
    if (view.worker === null || view.state === 'online') h.clock.advance(1_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return done();
  });
}

describe('browser worker killed mid-action', () => {
  it('LinkedIn invitation: the next worker verifies it from the sent invitations and never sends it again', async () => {
    const { h, site, id, userDataDir } = await setup('linkedin');
    const item = addOutreach(h.store.sqlite, id, 'linkedin_connect', 'https://www.linkedin.com/in/ada-lovelace-0/', 'Hi Ada', h.clock.now());
    await killMidActionThenVerify(h, site, id, userDataDir, () => site.state.invitations.length === 1, item);
    expect(site.state.invitations).toMatchObject([{ slug: 'ada-lovelace-0', note: 'Hi Ada', status: 'pending' }]);
    expect(ledger(h)).toEqual([{ outcome: 'succeeded', external_ref: 'https://www.linkedin.com/in/ada-lovelace-0/' }]);
  });

  it('Facebook message: the next worker finds it in the thread and never sends it again', async () => {
    const { h, site, id, userDataDir } = await setup('facebook');
    const item = addOutreach(h.store.sqlite, id, 'facebook_message', 'https://www.facebook.com/grace.lovelace.1', 'Hello Grace', h.clock.now());
    await killMidActionThenVerify(h, site, id, userDataDir, () => site.state.messages.length === 1, item);
    expect(site.state.messages).toMatchObject([{ slug: 'grace.lovelace.1', direction: 'outgoing', text: 'Hello Grace' }]);
    expect(ledger(h)).toEqual([{ outcome: 'succeeded', external_ref: 'https://www.facebook.com/messages/t/t-grace.lovelace.1/' }]);
  });

  it('an action the site did not keep is found missing by verification and performed once more, exactly once', async () => {
    const { h, site, id } = await setup('linkedin');
    site.state.dropActions = true;
    const item = addOutreach(h.store.sqlite, id, 'linkedin_connect', 'https://www.linkedin.com/in/grace-lovelace-1/', '', h.clock.now());
    h.supervisor.start(id);
    // The page showed Pending, but the reloaded profile did not: the effect is unknown, not "sent".
    await until(() => status(h, item) === 'unknown');
    site.state.dropActions = false;
    await settle(h, id, () => status(h, item) === 'performed');
    expect(site.state.invitations).toMatchObject([{ slug: 'grace-lovelace-1', status: 'pending' }]);
    expect(h.store.sqlite.prepare('SELECT outcome FROM effect_ledger').all()).toEqual([{ outcome: 'succeeded' }]);
  });
});
