import type { Database } from 'better-sqlite3';
import type { CompaniesListInput, CompaniesPage } from '../../../shared/contract/schemas/company-list';
import type { CompanyFilter } from '../../../shared/contract/schemas/lead-filter';
import { companyCount, companyListPage } from '../../leads/query/company-list-query';
import { RecordListRepo } from './record-list-repo';

/** Read access to companies: the filtered list and counts. */
export class CompaniesRepo extends RecordListRepo<CompanyFilter, CompaniesListInput, CompaniesPage> {
  constructor(sqlite: Database) {
    super(sqlite, { page: companyListPage, count: companyCount });
  }
}
