import type { Database, Statement } from 'better-sqlite3';
import { BUILTIN_SELECT, builtinCell, customColumn } from './export-columns';

interface CustomValue {
  target_id: number;
  name: string;
  type: string;
  value: unknown;
}

const customCell = (v: CustomValue): string => (v.type === 'boolean' ? (v.value === 1 ? 'yes' : 'no') : String(v.value));

/** Reads the export cells of a batch of leads: lead and company fields, tags (`;`-joined), custom field values. */
export class ExportRowReader {
  private readonly leads: Statement<[string], Record<string, unknown> & { id: number; company_id: number | null }>;
  private readonly customValues: Statement<[string, string], CustomValue>;

  constructor(sqlite: Database) {
    this.leads = sqlite.prepare(
      `SELECT ${BUILTIN_SELECT}, l.company_id,
         (SELECT group_concat(t.name, ';' ORDER BY t.name) FROM tag_links tl JOIN tags t ON t.id = tl.tag_id
           WHERE tl.target_kind = 'lead' AND tl.target_id = l.id AND tl.removed_at IS NULL AND t.deleted_at IS NULL) AS tags
       FROM leads l LEFT JOIN companies c ON c.id = l.company_id
       WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.id`,
    );
    this.customValues = sqlite.prepare(
      `SELECT v.target_id, f.name, f.type, v.value FROM custom_field_values v JOIN custom_fields f ON f.id = v.field_id AND f.deleted_at IS NULL
       WHERE v.target_kind = ? AND v.target_id IN (SELECT value FROM json_each(?))`,
    );
  }

  /** One row of cells per lead, in ascending id order, for the given column keys. */
  rows(ids: readonly number[], columns: readonly string[]): string[][] {
    const leads = this.leads.all(JSON.stringify(ids));
    const customs = columns.map(customColumn);
    const wants = (target: 'lead' | 'company') => customs.some((c) => c?.target === target);
    const leadValues = wants('lead') ? this.valuesOf('lead', ids) : new Map<string, string>();
    const companyIds = [...new Set(leads.map((l) => l.company_id).filter((id) => id !== null))];
    const companyValues = wants('company') ? this.valuesOf('company', companyIds) : new Map<string, string>();
    return leads.map((lead) =>
      columns.map((key, i) => {
        const custom = customs[i];
        if (!custom) return builtinCell(key, lead);
        const owner = custom.target === 'lead' ? lead.id : lead.company_id;
        const values = custom.target === 'lead' ? leadValues : companyValues;
        return owner === null ? '' : (values.get(`${owner}:${custom.name.toLowerCase()}`) ?? '');
      }),
    );
  }

  private valuesOf(target: 'lead' | 'company', ids: readonly number[]): Map<string, string> {
    return new Map(this.customValues.all(target, JSON.stringify(ids)).map((v) => [`${v.target_id}:${v.name.toLowerCase()}`, customCell(v)]));
  }
}
