import type { WorkKind } from '../../shared/work-kind';

/** How the plan loop reads one kind of work item: its table, how to reach its type, its quota action and its "may run" test. */
export interface WorkTable {
  readonly kind: WorkKind;
  /** Sort position among kinds, so mixed lists have one stable order. */
  readonly ord: number;
  readonly table: string;
  /** Joins that bring the item's type in as `ty` (the item is `w`). */
  readonly typeJoin: string;
  /** The quota action of the item, as an SQL expression. */
  readonly action: string;
  /** Extra conditions for an item to be work that may run (approved, outgoing); 1 when none. */
  readonly runnable: string;
  /** The type id that decides which profile types may perform it, as an SQL expression; null for per-profile checks. */
  readonly typeId: string | null;
  /** The link table of type id to profile types, and its type column; null for per-profile checks. */
  readonly eligible: { readonly table: string; readonly column: string } | null;
}

const APPROVED = "w.approval IN ('approved', 'auto')";

/** Every kind of work item, in display order. */
export const workTables: readonly WorkTable[] = [
  {
    kind: 'outreach',
    ord: 0,
    table: 'outreach',
    typeJoin: 'JOIN outreach_types ty ON ty.id = w.outreach_type_id',
    action: 'ty.quota_action',
    runnable: `w.direction = 'outgoing' AND ${APPROVED}`,
    typeId: 'w.outreach_type_id',
    eligible: { table: 'outreach_type_profile_types', column: 'outreach_type_id' },
  },
  {
    kind: 'enrichment',
    ord: 1,
    table: 'enrichments',
    typeJoin: 'JOIN enrichment_types ty ON ty.id = w.enrichment_type_id',
    action: 'ty.quota_action',
    runnable: APPROVED,
    typeId: 'w.enrichment_type_id',
    eligible: { table: 'enrichment_type_profile_types', column: 'enrichment_type_id' },
  },
  {
    kind: 'job',
    ord: 2,
    table: 'jobs',
    typeJoin: 'JOIN sources src ON src.id = w.source_id JOIN source_types ty ON ty.id = src.source_type_id',
    action: 'ty.quota_action',
    runnable: '1',
    typeId: 'src.source_type_id',
    eligible: { table: 'source_type_profile_types', column: 'source_type_id' },
  },
  { kind: 'inbox_check', ord: 3, table: 'inbox_checks', typeJoin: '', action: "'inbox_check'", runnable: '1', typeId: null, eligible: null },
  { kind: 'connection_check', ord: 4, table: 'connection_checks', typeJoin: '', action: "'connection_check'", runnable: '1', typeId: null, eligible: null },
];

/** The kinds the planner assigns to profiles and spreads by quota (checks are created per profile and have no quota). */
export const assignedTables = workTables.filter((t) => t.eligible !== null);

/** The table description of a kind. */
export const workTableOf = (kind: WorkKind): WorkTable => {
  const table = workTables.find((t) => t.kind === kind);
  if (!table) throw new Error(`unknown work kind ${kind}`);
  return table;
};
