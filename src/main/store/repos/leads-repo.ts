import type { Database } from 'better-sqlite3';
import type { LeadFilter } from '../../../shared/contract/schemas/lead-filter';
import type { LeadsListInput, LeadsPage } from '../../../shared/contract/schemas/leads';
import { leadCount, leadListPage } from '../../leads/query/lead-list-query';
import { SearchHitsCache } from '../../leads/query/search-hits';
import { StatementCache } from '../../leads/query/statement-cache';
import { UntilChangedCache } from '../../leads/query/until-changed-cache';
import { flushSearchIndex } from '../../leads/search-index';

/** Read access to leads for the lists (the lead page is `LeadRecordsRepo`). */
export class LeadsRepo {
  private readonly statements: StatementCache;
  private readonly counts: UntilChangedCache<number>;
  private readonly hits: SearchHitsCache;

  constructor(private readonly sqlite: Database) {
    this.statements = new StatementCache(sqlite);
    this.counts = new UntilChangedCache(sqlite, 100);
    this.hits = new SearchHitsCache(sqlite);
  }

  /** One page of the leads matching a filter in a sort order; the total on the first page only, unless asked not to. */
  list(input: LeadsListInput): LeadsPage {
    if (input.filter?.search) flushSearchIndex(this.sqlite);
    const page = leadListPage(this.statements, this.hits, input);
    return { ...page, total: input.after === undefined && input.total !== 'none' ? this.countNow(input.filter ?? {}) : null };
  }

  /** Live leads matching a filter (all live leads without one). */
  count(filter: LeadFilter = {}): Promise<number> {
    if (filter.search) flushSearchIndex(this.sqlite);
    return Promise.resolve(this.countNow(filter));
  }

  private countNow(filter: LeadFilter): number {
    return this.counts.get(JSON.stringify(filter), () => leadCount(this.statements, filter));
  }
}
