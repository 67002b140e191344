import type { Database } from 'better-sqlite3';
import type { LeadFilter } from '../../../shared/contract/schemas/lead-filter';
import type { LeadsListInput, LeadsPage } from '../../../shared/contract/schemas/leads';
import { leadCount, leadListPage } from '../../leads/query/lead-list-query';
import { StatementCache } from '../../leads/query/statement-cache';
import { flushSearchIndex } from '../../leads/search-index';

/** Read access to leads for the lists (the lead page is `LeadRecordsRepo`). */
export class LeadsRepo {
  private readonly statements: StatementCache;

  constructor(private readonly sqlite: Database) {
    this.statements = new StatementCache(sqlite);
  }

  /** One page of the leads matching a filter in a sort order; the total on the first page only. */
  list(input: LeadsListInput): LeadsPage {
    if (input.filter?.search) flushSearchIndex(this.sqlite);
    return leadListPage(this.statements, input);
  }

  /** Live leads matching a filter (all live leads without one). */
  count(filter: LeadFilter = {}): Promise<number> {
    if (filter.search) flushSearchIndex(this.sqlite);
    return Promise.resolve(leadCount(this.statements, filter));
  }
}
