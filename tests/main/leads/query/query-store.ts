import type { Database } from 'better-sqlite3';
import { compileCompanyFilter } from '../../../../src/main/leads/query/company-filter-sql';
import { compileLeadFilter } from '../../../../src/main/leads/query/lead-filter-sql';
import { flushSearchIndex } from '../../../../src/main/leads/search-index';
import { CompaniesRepo } from '../../../../src/main/store/repos/companies-repo';
import { LeadsRepo } from '../../../../src/main/store/repos/leads-repo';
import type { CompanyFilter, LeadFilter } from '../../../../src/shared/contract/schemas/lead-filter';
import { leadStore } from '../lead-store';

type Row = Record<string, string | number | null>;

const insert = (db: Database, table: string, row: Row): number => {
  const cols = Object.keys(row);
  return Number(db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(row)).lastInsertRowid);
};

/** A migrated temp store with raw row writers, the filter compilers run to id lists, and the list repos. */
export function queryStore() {
  const s = leadStore();
  const db = s.sqlite;
  return {
    ...s,
    leads: new LeadsRepo(db),
    companies: new CompaniesRepo(db),
    addCompany: (row: Row = {}) => insert(db, 'companies', { created_at: 1, updated_at: 1, ...row }),
    addLead: (row: Row = {}) => insert(db, 'leads', { created_at: 1, updated_at: 1, ...row }),
    addTag: (name: string) => insert(db, 'tags', { name, color: '#112233', created_at: 1, updated_at: 1 }),
    tag: (tagId: number, kind: 'lead' | 'company', targetId: number, removed = false) =>
      insert(db, 'tag_links', {
        tag_id: tagId,
        target_kind: kind,
        target_id: targetId,
        created_by_kind: 'person',
        created_at: 1,
        ...(removed ? { removed_at: 2, removed_by_kind: 'person' } : {}),
      }),
    /** Ids of the live leads matching a filter, ascending, the way bulk actions walk them. */
    leadIds: (filter: LeadFilter): number[] => {
      flushSearchIndex(db);
      const f = compileLeadFilter(filter);
      const rows = db.prepare(`SELECT l.id FROM ${f.from} WHERE ${f.where} AND l.id > ? ORDER BY l.id LIMIT ?`).all(...f.params, 0, 1000) as { id: number }[];
      return rows.map((r) => r.id);
    },
    /** Ids of the live companies matching a filter, ascending. */
    companyIds: (filter: CompanyFilter): number[] => {
      flushSearchIndex(db);
      const f = compileCompanyFilter(filter);
      return (db.prepare(`SELECT c.id FROM ${f.from} WHERE ${f.where} ORDER BY c.id`).all(...f.params) as { id: number }[]).map((r) => r.id);
    },
  };
}
