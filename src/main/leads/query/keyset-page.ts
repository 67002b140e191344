import type { CompiledFilter } from './lead-filter-sql';
import { decodeCursor, encodeCursor, type Cursor } from './list-cursor';
import type { SearchHits } from './search-hits';
import type { StatementCache } from './statement-cache';

/**
 * A column a list sorts by: its SQL (with alias), its kind (text sorts case-insensitively), whether it may be
 * NULL, and whether pages may walk an index on it (a base-table column indexed `… WHERE deleted_at IS NULL`;
 * off when a narrow search should drive the query instead).
 */
export interface SortColumn {
  readonly sql: string;
  readonly kind: 'text' | 'number';
  readonly nullable: boolean;
  readonly indexed: boolean;
}

/** One keyset page request over a compiled filter. */
export interface KeysetRequest {
  /** Select list; the page adds `id` and `sort_value`. */
  readonly select: string;
  /** Every condition but a full-text search. */
  readonly filter: CompiledFilter;
  /** The full-text search's matches, when the filter has one. */
  readonly hits: SearchHits | null;
  /** The list's own table with its alias (`leads l`) and its id column (`l.id`). */
  readonly baseTable: string;
  readonly idColumn: string;
  readonly sortKey: string;
  readonly sort: SortColumn;
  readonly direction: 'asc' | 'desc';
  readonly limit: number;
  readonly after: string | undefined;
}

/** A page of raw rows and the cursor of the next page, if there is one. */
export interface KeysetResult<Row> {
  readonly rows: Row[];
  readonly nextCursor: string | null;
}

type Keyed = { id: number; sort_value: string | number | null };

/** Rows of one part of the order (non-NULL values, then NULLs) after the cursor, as conditions on the base table. */
interface Part {
  readonly conditions: string[];
  readonly params: unknown[];
  /** The sort value expression, or null for the NULL part (ordered by id alone). */
  readonly value: string | null;
}

/**
 * One page in sort order with NULL sort values last in both directions and ties broken by id in the sort's
 * direction. Non-NULL and NULL values are read as two parts (the second only when the first runs out) so each
 * can walk the sort column's index from the cursor.
 */
export function keysetPage<Row extends Keyed>(cache: StatementCache, r: KeysetRequest): KeysetResult<Row> {
  const cursor = r.after === undefined ? null : decodeCursor(r.after, r.sortKey, r.sort.kind);
  const want = r.limit + 1;
  const rows: Row[] = [];
  if (cursor === null || cursor.value !== null) rows.push(...partRows<Row>(cache, r, cursor, false, want));
  if (rows.length < want && r.sort.nullable) rows.push(...partRows<Row>(cache, r, cursor?.value === null ? cursor : null, true, want - rows.length));
  const page = rows.slice(0, r.limit);
  const last = page.at(-1);
  const next: Cursor | null = rows.length > r.limit && last ? { value: last.sort_value, id: last.id } : null;
  return { rows: page, nextCursor: next && encodeCursor(r.sortKey, next) };
}

const sortExpr = (r: KeysetRequest): string => (r.sort.kind === 'text' ? `${r.sort.sql} COLLATE NOCASE` : r.sort.sql);

function valuedPart(r: KeysetRequest, cursor: Cursor | null): Part {
  const expr = sortExpr(r);
  const conditions = r.sort.nullable ? [`${r.sort.sql} IS NOT NULL`] : [];
  if (cursor === null) return { conditions, params: [], value: expr };
  const cmp = r.direction === 'asc' ? '>' : '<';
  // The plain bound lets SQLite seek the NOCASE index; the row value alone would make it scan from the start.
  conditions.push(`${expr} ${cmp}= ?`, `(${expr}, ${r.idColumn}) ${cmp} (?, ?)`);
  return { conditions, params: [cursor.value, cursor.value, cursor.id], value: expr };
}

function nullPart(r: KeysetRequest, afterId: number | null): Part {
  const conditions = [`${r.sort.sql} IS NULL`];
  if (afterId === null) return { conditions, params: [], value: null };
  conditions.push(`${r.idColumn} ${r.direction === 'asc' ? '>' : '<'} ?`);
  return { conditions, params: [afterId], value: null };
}

/**
 * A part's rows. Filters that pass many rows are fastest walking the sort index and testing each row, but
 * SQLite's planner prefers a filter's own index and then sorts everything that passes (slow when that is most
 * of a million rows). So an indexed sort reads windows of ids in sort order from the index alone, growing
 * fourfold, drops the ids a search does not match, and tests the rest of each window's rows; only when about
 * 200 rows per wanted row (at most 20,000) have been read (a selective filter, so few rows to sort) does the
 * planner choose freely for the rest. A search with few matches skips the walk: its matches drive the query.
 */
function partRows<Row extends Keyed>(cache: StatementCache, r: KeysetRequest, cursor: Cursor | null, nulls: boolean, limit: number): Row[] {
  const rows: Row[] = [];
  let from = cursor;
  const select = `SELECT ${r.select}, ${r.idColumn} AS id, ${nulls ? 'NULL' : r.sort.sql} AS sort_value FROM ${r.filter.from}`;
  if (r.sort.indexed && (r.hits === null || r.hits.few === null)) {
    const alias = r.idColumn.split('.')[0] as string;
    const budget = Math.min(200 * limit, 20_000);
    for (let size = 2 * limit, tested = 0; tested + size <= budget; tested += size, size *= 4) {
      const part = nulls ? nullPart(r, from?.id ?? null) : valuedPart(r, from);
      const windowSql = `SELECT ${r.idColumn} AS id, ${nulls ? 'NULL' : r.sort.sql} AS value FROM ${r.baseTable} WHERE ${[`${alias}.deleted_at IS NULL`, ...part.conditions].join(' AND ')} ORDER BY ${order(r, part)} LIMIT ?`;
      const window = cache.get(windowSql).all(...part.params, size) as { id: number; value: string | number | null }[];
      if (window.length === 0) return rows;
      const ids = r.hits === null ? window.map((w) => w.id) : r.hits.among(window.map((w) => w.id));
      if (ids.length > 0) {
        const sql = `${select} WHERE ${r.idColumn} IN (SELECT value FROM json_each(?)) AND ${r.filter.where} ORDER BY ${order(r, part)} LIMIT ?`;
        rows.push(...(cache.get(sql).all(JSON.stringify(ids), ...r.filter.params, limit - rows.length) as Row[]));
      }
      if (rows.length === limit || window.length < size) return rows;
      from = window.at(-1) ?? null;
    }
  }
  const part = nulls ? nullPart(r, from?.id ?? null) : valuedPart(r, from);
  const matches = r.hits === null ? [] : [`${r.idColumn} IN (SELECT value FROM json_each(?))`];
  const sql = `${select} WHERE ${[r.filter.where, ...matches, ...part.conditions].join(' AND ')} ORDER BY ${order(r, part)} LIMIT ?`;
  const params = [...r.filter.params, ...(r.hits === null ? [] : [JSON.stringify(r.hits.few ?? r.hits.all())]), ...part.params, limit - rows.length];
  rows.push(...(cache.get(sql).all(...params) as Row[]));
  return rows;
}

const order = (r: KeysetRequest, part: Part): string =>
  part.value === null ? `${r.idColumn} ${r.direction}` : `${part.value} ${r.direction}, ${r.idColumn} ${r.direction}`;
