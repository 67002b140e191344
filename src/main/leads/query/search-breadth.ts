import { toMatchExpression } from './fts-match';
import type { StatementCache } from './statement-cache';

/** Above this many full-text matches, walking a sort index beats sorting every match. */
const BROAD = 10_000;

/**
 * Whether a list should walk its sort index (no search, or a search matching many rows) rather than let the
 * search drive the query and sort what it finds. Counting stops at the threshold, so it stays cheap.
 */
export function walksSortIndex(cache: StatementCache, fts: 'leads_fts' | 'companies_fts', search: string | undefined): boolean {
  const match = toMatchExpression(search);
  if (match === null) return true;
  const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ? LIMIT ${BROAD + 1})`;
  return (cache.get(sql).get(match) as { n: number }).n > BROAD;
}
