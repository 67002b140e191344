import { describe, expect, it } from 'vitest';
import { undoImport } from '../../../src/main/leads/undo';
import type { UpsertSource } from '../../../src/main/leads/upsert-types';
import { leadStore } from './lead-store';

function setup() {
  const store = leadStore();
  const field = (kind: 'lead' | 'company', name: string, type: string) =>
    Number(
      store.sqlite
        .prepare('INSERT INTO custom_fields (target_kind, name, type, created_at, updated_at) VALUES (?, ?, ?, 0, 0)')
        .run(kind, name, type).lastInsertRowid,
    );
  const values = (kind: 'lead' | 'company', id: number) =>
    store.sqlite.prepare('SELECT field_id, value FROM custom_field_values WHERE target_kind = ? AND target_id = ? ORDER BY field_id').all(kind, id);
  const provenance = (kind: 'lead' | 'company', id: number) =>
    store.sqlite.prepare("SELECT field, source_id FROM field_provenance WHERE target_kind = ? AND target_id = ? AND field LIKE 'custom:%' ORDER BY field").all(kind, id);
  return { ...store, field, values, provenance };
}

describe('custom field values through the upsert engine', () => {
  it('stores custom values of a lead and its company with provenance, and a blank never clears one', () => {
    const s = setup();
    const seats = s.field('lead', 'Seats', 'integer');
    const tier = s.field('lead', 'Tier', 'string');
    const sector = s.field('company', 'Sector', 'string');
    const first: UpsertSource = { kind: 'import', id: s.addImport() };
    const { id } = s.engine.upsertLead({ email: 'ada@x.io', custom: { [seats]: 12, [tier]: 'Gold' }, company: { domain: 'x.io', custom: { [sector]: 'Looms' } } }, first);
    expect(s.values('lead', id)).toEqual([
      { field_id: seats, value: 12 },
      { field_id: tier, value: 'Gold' },
    ]);
    const companyId = s.lead(id)?.company_id as number;
    expect(s.values('company', companyId)).toEqual([{ field_id: sector, value: 'Looms' }]);
    expect(s.provenance('lead', id)).toEqual([
      { field: `custom:${seats}`, source_id: first.id },
      { field: `custom:${tier}`, source_id: first.id },
    ]);
    expect(s.engine.upsertLead({ email: 'ada@x.io', custom: { [tier]: '  ' } }, first).outcome).toBe('unchanged');
    expect(s.engine.upsertLead({ email: 'ada@x.io', custom: { [seats]: 12 } }, first).outcome).toBe('unchanged');
    expect(s.values('lead', id)).toHaveLength(2);
  });

  it('journals custom changes so undo restores the earlier values and provenance, and removes the ones it added', () => {
    const s = setup();
    const seats = s.field('lead', 'Seats', 'integer');
    const tier = s.field('lead', 'Tier', 'string');
    const { id } = s.engine.upsertLead({ email: 'ada@x.io', custom: { [seats]: 3 } }, { kind: 'person', id: 1 });
    const before = { values: s.values('lead', id), provenance: s.provenance('lead', id) };
    s.tick();
    const importId = s.addImport();
    expect(s.engine.upsertLead({ email: 'ada@x.io', custom: { [seats]: 40, [tier]: 'Gold' } }, { kind: 'import', id: importId })).toEqual({ id, outcome: 'updated' });
    const journal = s.sqlite.prepare('SELECT before, after FROM merge_journal WHERE import_id = ?').get(importId) as { before: string; after: string };
    expect(JSON.parse(journal.after)).toMatchObject({ [`custom:${seats}`]: 40, [`custom:${tier}`]: 'Gold' });
    expect(JSON.parse(journal.before)).toMatchObject({ [`custom:${seats}`]: 3, [`custom:${tier}`]: null });
    expect(s.provenance('lead', id)).toEqual([
      { field: `custom:${seats}`, source_id: importId },
      { field: `custom:${tier}`, source_id: importId },
    ]);
    undoImport(s.sqlite, importId, s.now);
    expect({ values: s.values('lead', id), provenance: s.provenance('lead', id) }).toEqual(before);
  });

  it('undo keeps a custom value changed again after the import', () => {
    const s = setup();
    const seats = s.field('lead', 'Seats', 'integer');
    const importId = s.addImport();
    const { id } = s.engine.upsertLead({ email: 'ada@x.io', firstName: 'Ada' }, { kind: 'person', id: 1 });
    s.engine.upsertLead({ email: 'ada@x.io', custom: { [seats]: 40 } }, { kind: 'import', id: importId });
    s.engine.upsertLead({ email: 'ada@x.io', custom: { [seats]: 41 } }, { kind: 'person', id: 1 });
    undoImport(s.sqlite, importId, s.now);
    expect(s.values('lead', id)).toEqual([{ field_id: seats, value: 41 }]);
  });
});
