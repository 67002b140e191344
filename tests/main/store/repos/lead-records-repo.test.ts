import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { EventBus } from '../../../../src/main/event-bus';
import { UpsertEngine } from '../../../../src/main/leads/upsert-engine';
import { createWorkspaceRepos } from '../../../../src/main/store/repos/workspace-repos';
import { openStore } from '../../../../src/main/store/store';
import { ManualClock } from '../../../helpers/manual-clock';
import { tempDir } from '../../../helpers/temp-dir';

function setup() {
  const clock = new ManualClock();
  const now = () => clock.now();
  const store = openStore(join(tempDir(), 'outpost.db'), now);
  onTestFinished(() => store.close());
  const repos = createWorkspaceRepos(store.sqlite, now, new EventBus());
  const engine = new UpsertEngine(store.sqlite, now);
  const id = store.sqlite.transaction(() => engine.upsertLead({ email: 'ada@engines.io', firstName: 'Ada', jobTitle: 'Analyst' }, { kind: 'api', id: null }).id)();
  const journal = () => store.sqlite.prepare("SELECT id, action FROM merge_journal WHERE target_kind = 'lead' ORDER BY id").all();
  return { clock, store, repos, id, journal };
}

describe('LeadRecordsRepo', () => {
  it('folds the clears of an edit into the entry the upsert engine wrote, so one edit is one history entry', () => {
    const { repos, id, journal, clock } = setup();
    clock.advance(1000);
    const entry = repos.leadRecords.update({ id, firstName: 'Augusta', jobTitle: '' });
    expect(journal()).toEqual([
      { id: 1, action: 'insert' },
      { id: entry, action: 'update' },
    ]);
    const [edit] = repos.leadRecords.journal.history('lead', id);
    expect(edit?.changes).toEqual([
      { field: 'firstName', before: 'Ada', after: 'Augusta' },
      { field: 'jobTitle', before: 'Analyst', after: null },
    ]);
    expect(edit?.label).toBe('Manual edit');
  });

  it('writes nothing for an edit that changes nothing, and clears alone make their own entry', () => {
    const { repos, id, journal } = setup();
    expect(repos.leadRecords.update({ id, firstName: 'Ada', middleName: '' })).toBeNull();
    expect(journal()).toHaveLength(1);
    expect(repos.leadRecords.update({ id, jobTitle: null })).toBe(2);
    expect(repos.leadRecords.get(id)?.provenance.jobTitle).toMatchObject({ sourceKind: 'person', label: 'Manual edit' });
  });

  it('lets the newest change be undone, not an older one touching the same field, and an insert only once nothing follows it', () => {
    const { repos, id, clock } = setup();
    const first = repos.leadRecords.update({ id, jobTitle: 'CEO' }) as number;
    const second = repos.leadRecords.update({ id, phone: '+44 1' }) as number;
    const third = repos.leadRecords.update({ id, jobTitle: 'CTO' }) as number;
    const byId = new Map(repos.leadRecords.journal.history('lead', id).map((h) => [h.id, h]));
    expect([byId.get(first)?.canUndo, byId.get(second)?.canUndo, byId.get(third)?.canUndo, byId.get(1)?.canUndo]).toEqual([false, true, true, false]);
    expect(() => repos.leadRecords.journal.undo(first, () => clock.now())).toThrow(`jobTitle changed again later (change ${third})`);
    repos.leadRecords.journal.undo(second, () => clock.now());
    expect(repos.leadRecords.get(id)).toMatchObject({ phone: null, jobTitle: 'CTO' });
    expect(() => repos.leadRecords.journal.undo(999, () => clock.now())).toThrow('journal entry 999 does not exist');
  });
});
