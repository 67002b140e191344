import type { Database } from 'better-sqlite3';
import type { CompaniesListInput, CompaniesPage } from '../../../shared/contract/schemas/company-list';
import type { CompanyFilter } from '../../../shared/contract/schemas/lead-filter';
import { companyCount, companyListPage } from '../../leads/query/company-list-query';
import { StatementCache } from '../../leads/query/statement-cache';
import { flushSearchIndex } from '../../leads/search-index';

/** Read access to companies: the filtered list and counts. */
export class CompaniesRepo {
  private readonly statements: StatementCache;

  constructor(private readonly sqlite: Database) {
    this.statements = new StatementCache(sqlite);
  }

  /** One page of the companies matching a filter in a sort order; the total on the first page only. */
  list(input: CompaniesListInput): CompaniesPage {
    if (input.filter?.search) flushSearchIndex(this.sqlite);
    return companyListPage(this.statements, input);
  }

  /** Live companies matching a filter (all live companies without one). */
  count(filter: CompanyFilter = {}): Promise<number> {
    if (filter.search) flushSearchIndex(this.sqlite);
    return Promise.resolve(companyCount(this.statements, filter));
  }
}
