import type { Database } from 'better-sqlite3';
import type { CompaniesListInput, CompaniesPage } from '../../../shared/contract/schemas/company-list';
import type { CompanyFilter } from '../../../shared/contract/schemas/lead-filter';
import { companyCount, companyListPage } from '../../leads/query/company-list-query';
import { SearchHitsCache } from '../../leads/query/search-hits';
import { StatementCache } from '../../leads/query/statement-cache';
import { UntilChangedCache } from '../../leads/query/until-changed-cache';
import { flushSearchIndex } from '../../leads/search-index';

/** Read access to companies: the filtered list and counts. */
export class CompaniesRepo {
  private readonly statements: StatementCache;
  private readonly counts: UntilChangedCache<number>;
  private readonly hits: SearchHitsCache;

  constructor(private readonly sqlite: Database) {
    this.statements = new StatementCache(sqlite);
    this.counts = new UntilChangedCache(sqlite, 100);
    this.hits = new SearchHitsCache(sqlite);
  }

  /** One page of the companies matching a filter in a sort order; the total on the first page only, unless asked not to. */
  list(input: CompaniesListInput): CompaniesPage {
    if (input.filter?.search) flushSearchIndex(this.sqlite);
    const page = companyListPage(this.statements, this.hits, input);
    return { ...page, total: input.after === undefined && input.total !== 'none' ? this.countNow(input.filter ?? {}) : null };
  }

  /** Live companies matching a filter (all live companies without one). */
  count(filter: CompanyFilter = {}): Promise<number> {
    if (filter.search) flushSearchIndex(this.sqlite);
    return Promise.resolve(this.countNow(filter));
  }

  private countNow(filter: CompanyFilter): number {
    return this.counts.get(JSON.stringify(filter), () => companyCount(this.statements, filter));
  }
}
