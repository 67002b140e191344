import type { WorkKind } from '../../shared/work-kind';

/** How one kind of work maps onto its table: every claim, finish and read statement is built from this. */
export interface KindTable {
  readonly kind: WorkKind;
  readonly table: string;
  /** FROM clause: the table as `w`, joined to what the columns below need. */
  readonly from: string;
  /** Extra conditions that make a row work at all (outgoing outreach, approved). */
  readonly workable: string;
  readonly typeCode: string;
  readonly quotaAction: string;
  readonly idempotencyKey: string;
  readonly leadId: string;
  readonly companyId: string;
  /** The default payload, as JSON text. */
  readonly payload: string;
  /** The recipient's domain for per-domain caps, or NULL. */
  readonly recipientDomain: string;
  /** Whether an item can hold external effects and so end in the unknown-outcome state. */
  readonly effects: boolean;
  /** The columns a performed outcome fills: `result` (JSON output) and `hit`. */
  readonly result: boolean;
  readonly hit: boolean;
  /** Whether the table keeps a failure's screenshot and HTML (`error_snapshot`). */
  readonly snapshot: boolean;
}

const approved = "w.approval IN ('approved', 'auto')";

const checkOf = (kind: 'inbox_check' | 'connection_check', table: string, mark: string): KindTable => ({
  kind,
  table,
  from: `${table} w JOIN profiles p ON p.id = w.profile_id`,
  workable: '1',
  typeCode: `'${kind}'`,
  quotaAction: `'${kind}'`,
  idempotencyKey: `'${kind}:' || w.id`,
  leadId: 'NULL',
  companyId: 'NULL',
  payload: `json_object('mark', json(p.${mark}))`,
  recipientDomain: 'NULL',
  effects: false,
  result: true,
  hit: false,
  snapshot: true,
});

/** Every kind of work and its table, in the order a claim looks at them when due times tie. */
export const kindTables: readonly KindTable[] = [
  {
    kind: 'outreach',
    table: 'outreach',
    from: 'outreach w JOIN outreach_types t ON t.id = w.outreach_type_id',
    workable: `w.direction = 'outgoing' AND ${approved}`,
    typeCode: 't.code',
    quotaAction: 't.quota_action',
    idempotencyKey: 'w.idempotency_key',
    leadId: 'w.lead_id',
    companyId: 'NULL',
    payload: `json_object('outreachId', w.id, 'typeCode', t.code, 'to', w.lead_address, 'subject', w.subject, 'body', w.body,
      'messageId', w.message_id, 'inReplyTo', w.in_reply_to, 'leadId', w.lead_id)`,
    recipientDomain: `CASE WHEN t.address_field = 'email' AND instr(w.lead_address, '@') > 0
      THEN lower(substr(w.lead_address, instr(w.lead_address, '@') + 1)) END`,
    effects: true,
    result: false,
    hit: false,
    snapshot: true,
  },
  {
    kind: 'enrichment',
    table: 'enrichments',
    from: 'enrichments w JOIN enrichment_types t ON t.id = w.enrichment_type_id',
    workable: approved,
    typeCode: 't.code',
    quotaAction: 't.quota_action',
    idempotencyKey: 'w.idempotency_key',
    leadId: 'w.lead_id',
    companyId: 'w.company_id',
    payload: 'w.params',
    recipientDomain: 'NULL',
    effects: true,
    result: true,
    hit: true,
    snapshot: false,
  },
  {
    kind: 'job',
    table: 'jobs',
    from: 'jobs w JOIN sources s ON s.id = w.source_id JOIN source_types t ON t.id = s.source_type_id',
    workable: '1',
    typeCode: 't.code',
    quotaAction: 't.quota_action',
    idempotencyKey: "'job:' || w.id",
    leadId: 'NULL',
    companyId: 'NULL',
    payload: "json_object('url', w.url, 'page', w.page, 'sourceId', w.source_id, 'params', json(s.params))",
    recipientDomain: 'NULL',
    effects: false,
    result: false,
    hit: false,
    snapshot: true,
  },
  checkOf('inbox_check', 'inbox_checks', 'inbox_mark'),
  checkOf('connection_check', 'connection_checks', 'connection_mark'),
];

/** The table of one kind. */
export function kindTable(kind: WorkKind): KindTable {
  const table = kindTables.find((t) => t.kind === kind);
  if (!table) throw new Error(`no table for work kind ${kind}`);
  return table;
}
