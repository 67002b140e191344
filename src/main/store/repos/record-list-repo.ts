import type { Database } from 'better-sqlite3';
import { SearchHitsCache } from '../../leads/query/search-hits';
import { StatementCache } from '../../leads/query/statement-cache';
import { UntilChangedCache } from '../../leads/query/until-changed-cache';
import { flushSearchIndex } from '../../leads/search-index';

/** The page and count queries of one kind of record (leads or companies). */
export interface RecordListQueries<Filter extends { search?: string }, Input extends { filter?: Filter; after?: string; total?: 'exact' | 'none' }, Page> {
  page(cache: StatementCache, searches: SearchHitsCache, input: Input): Omit<Page, 'total'>;
  count(cache: StatementCache, filter: Filter): number;
}

/** Read access to one kind of record for the lists: keyset pages, and counts cached until the data changes. */
export class RecordListRepo<Filter extends { search?: string }, Input extends { filter?: Filter; after?: string; total?: 'exact' | 'none' }, Page> {
  private readonly statements: StatementCache;
  private readonly counts: UntilChangedCache<number>;
  private readonly hits: SearchHitsCache;

  constructor(
    private readonly sqlite: Database,
    private readonly queries: RecordListQueries<Filter, Input, Page>,
  ) {
    this.statements = new StatementCache(sqlite);
    this.counts = new UntilChangedCache(sqlite, 100);
    this.hits = new SearchHitsCache(sqlite);
  }

  /** One page of the records matching a filter in a sort order; the total on the first page only, unless asked not to. */
  list(input: Input): Omit<Page, 'total'> & { total: number | null } {
    if (input.filter?.search) flushSearchIndex(this.sqlite);
    const page = this.queries.page(this.statements, this.hits, input);
    return { ...page, total: input.after === undefined && input.total !== 'none' ? this.countNow(input.filter ?? ({} as Filter)) : null };
  }

  /** Live records matching a filter (all live records without one). */
  count(filter: Filter = {} as Filter): Promise<number> {
    if (filter.search) flushSearchIndex(this.sqlite);
    return Promise.resolve(this.countNow(filter));
  }

  private countNow(filter: Filter): number {
    return this.counts.get(JSON.stringify(filter), () => this.queries.count(this.statements, filter));
  }
}
