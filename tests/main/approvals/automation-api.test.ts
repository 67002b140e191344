import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerOutreachHooks } from '../../../src/main/outreach/outreach-hooks';
import { SequenceRunner } from '../../../src/main/sequences/sequence-runner';
import { migration0022 } from '../../../src/main/store/migrations/0022-sequence-progress';
import type { PayloadBuilder } from '../../../src/main/work/work-hooks';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { addLead, addMailbox } from '../outreach/outreach-fixtures';

let t: TestCore;
let clock: ManualClock;
let build: PayloadBuilder;
beforeEach(async () => {
  clock = new ManualClock();
  t = await startTestCore({ clock });
  const sqlite = t.core.services.store.sqlite;
  // The lead registers migrations in order; until 0022 is in the registry the test applies it.
  if (!sqlite.prepare("SELECT 1 FROM pragma_table_info('enrollments') WHERE name = 'steps_done'").get()) sqlite.exec(migration0022.sql);
  registerOutreachHooks({ onClaim: (_k, b) => void (build = b), onOutcome: () => undefined }, t.core.services);
});
afterEach(() => t.stop());

const sqlite = () => t.core.services.store.sqlite;
const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
  const response = await t.api(`/api/v1${path}`, method === 'GET' ? {} : { method, body: JSON.stringify(body ?? {}) });
  // Answers are checked field by field below; the loose type keeps those checks short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

async function runningSequence(autoApprove: boolean, body = 'Hi {{first_name}}'): Promise<{ id: number; leads: number[] }> {
  const created = await call('POST', '/sequences', {
    name: 'Intro',
    status: 'active',
    steps: [{ typeCode: 'email', delayDays: 0, autoApprove, variants: [{ label: 'A', subject: 'Hello {{first_name}}', body }] }],
  });
  expect(created.status).toBe(200);
  const leads = [addLead(sqlite(), 'ada@one.test', 'Ada'), addLead(sqlite(), 'bob@two.test', 'Bob'), addLead(sqlite(), 'cy@three.test', 'Cy')];
  const enrolled = await call('POST', `/sequences/${created.body.id}/enroll`, { leadIds: leads });
  expect(enrolled.body).toMatchObject({ enrolled: 3, refused: {} });
  await new SequenceRunner(sqlite(), t.core.services.bus).pass(clock.now());
  return { id: created.body.id, leads };
}

describe('sequences API', () => {
  it('refuses to activate a template with an unknown merge field, naming the step and variant', async () => {
    const created = await call('POST', '/sequences', {
      name: 'Bad',
      status: 'active',
      steps: [{ typeCode: 'email', delayDays: 0, variants: [{ label: 'A', subject: 'Hi', body: 'Hello {{frist_name}}' }] }],
    });
    expect(created.status).toBe(400);
    expect(created.body.error.message).toContain('steps.0.variants.0: unknown merge field frist_name');
  });

  it('enrolls from a lead filter and sums refusals by reason', async () => {
    const created = await call('POST', '/sequences', { name: 'F', status: 'active', steps: [{ typeCode: 'email', delayDays: 0, variants: [{ label: 'A', subject: 'S', body: 'B' }] }] });
    addLead(sqlite(), 'a@x.test');
    addLead(sqlite(), null);
    const first = await call('POST', `/sequences/${created.body.id}/enroll`, { filter: {} });
    expect(first.body).toMatchObject({ enrolled: 1, refused: { no_address: 1 } });
    const again = await call('POST', `/sequences/${created.body.id}/enroll`, { filter: { hasEmail: 'yes' } });
    expect(again.body).toMatchObject({ enrolled: 0, refused: { already_enrolled: 1 } });
  });
});

describe('approvals', () => {
  it('lists waiting messages rendered for the lead with their origin, edits one, approves in bulk and rejects', async () => {
    const seq = await runningSequence(false);
    const list = await call('GET', '/approvals');
    expect(list.body.waiting).toBe(3);
    const [ada, bob, cy] = list.body.items as { id: number; subject: string; body: string; origin: Record<string, unknown> }[];
    expect(ada).toMatchObject({ subject: 'Hello Ada', body: 'Hi Ada', origin: { sequenceId: seq.id, sequenceName: 'Intro', stepPosition: 1, variantLabel: 'A' } });
    const edited = await call('POST', `/approvals/${ada!.id}`, { body: 'Dear {{first_name}}, a better text' });
    expect(edited.body.body).toBe('Dear Ada, a better text');
    expect((await call('POST', `/approvals/${ada!.id}`, { body: 'Dear {{nope}}' })).status).toBe(400);
    expect((await call('POST', '/approvals/reject', { ids: [cy!.id] })).body).toEqual({ decided: 1, skipped: [] });
    expect((await call('POST', '/approvals/approve', { all: { sequenceId: seq.id } })).body).toEqual({ decided: 2, skipped: [] });
    const rows = sqlite().prepare('SELECT id, approval, status, body FROM outreach ORDER BY id').all();
    expect(rows).toEqual([
      { id: ada!.id, approval: 'approved', status: 'pending', body: 'Dear Ada, a better text' },
      { id: bob!.id, approval: 'approved', status: 'pending', body: 'Hi Bob' },
      { id: cy!.id, approval: 'rejected', status: 'canceled', body: 'Hi Cy' },
    ]);
    expect((await call('GET', '/approvals')).body.waiting).toBe(0);
  });

  it('switches the originating step to auto-approve and approves what waits from it', async () => {
    const seq = await runningSequence(false);
    const [first] = (await call('GET', '/approvals')).body.items as { id: number }[];
    expect((await call('POST', `/approvals/${first!.id}/auto`, {})).body).toEqual({ origin: 'step', approved: 3 });
    const detail = await call('GET', `/sequences/${seq.id}`);
    expect(detail.body.steps[0].autoApprove).toBe(true);
  });
});

describe('suppression', () => {
  it('adds with the kind guessed, honours it at once, lists, removes with a reason, and imports with line errors', async () => {
    const seq = await runningSequence(true);
    const added = await call('POST', '/suppressions', { value: 'https://www.Two.test/', note: 'asked by phone' });
    expect(added.body).toMatchObject({ added: true, item: { kind: 'domain', value: 'two.test', reason: 'operator' } });
    const bob = sqlite().prepare("SELECT status, error_kind FROM outreach WHERE lead_address = 'bob@two.test'").get();
    expect(bob).toEqual({ status: 'aborted', error_kind: 'policy' });
    expect(sqlite().prepare('SELECT status, stop_reason FROM enrollments WHERE sequence_id = ? AND lead_id = ?').get(seq.id, seq.leads[1])).toEqual({ status: 'stopped', stop_reason: 'suppressed' });
    const imported = await call('POST', '/suppressions/import', { text: 'email\nx@y.test\nnot an address\nhttps://linkedin.com/in/Someone\nx@y.test' });
    expect(imported.body).toEqual({ added: 2, alreadyListed: 1, errors: [{ line: 3, message: '"not an address" is not a valid domain' }] });
    const listed = await call('GET', '/suppressions?search=linkedin');
    expect(listed.body.items.map((i: { value: string }) => i.value)).toEqual(['linkedin.com/in/someone']);
    const removed = await call('POST', `/suppressions/${added.body.item.id}/remove`, { note: 'customer again' });
    expect(removed.body).toMatchObject({ removedNote: 'customer again' });
    expect((await call('GET', '/suppressions?status=removed')).body.items).toHaveLength(1);
  });

  it('aborts at claim an approved, due email whose address was suppressed after planning', async () => {
    const profile = addMailbox(sqlite(), { fromAddress: 'me@outpost.test' });
    await runningSequence(true);
    const ada = sqlite().prepare("SELECT id FROM outreach WHERE lead_address = 'ada@one.test'").get() as { id: number };
    sqlite().prepare('UPDATE outreach SET profile_id = ? WHERE id = ?').run(profile, ada.id);
    // Written straight to the list (as an inbox unsubscribe does), so only the claim-time check stands in the way.
    sqlite().prepare("INSERT INTO suppressions (kind, value, reason, created_at, updated_at) VALUES ('email', 'ada@one.test', 'unsubscribe', 0, 0)").run();
    const payload = build({ sqlite: sqlite(), now: clock.now(), kind: 'outreach', recordId: ada.id, profileId: profile, typeCode: 'email', bus: t.core.services.bus }, { outreachId: ada.id });
    expect(payload).toEqual({ abort: 'suppressed: email ada@one.test (unsubscribe)' });
  });
});

describe('compliance', () => {
  it("keeps a lead's lawful-basis note", async () => {
    const lead = addLead(sqlite(), 'eu@lead.test');
    expect((await call('POST', `/leads/${lead}/lawful-basis`, { note: 'Legitimate interest: asked for a demo at a fair' })).status).toBe(200);
    expect((await call('GET', `/leads/${lead}/lawful-basis`)).body).toEqual({ leadId: lead, note: 'Legitimate interest: asked for a demo at a fair' });
    expect((await call('POST', '/leads/999999/lawful-basis', { note: null })).status).toBe(404);
  });
});
