import type { Database, Statement } from 'better-sqlite3';
import { toMatchExpression } from './fts-match';
import { UntilChangedCache } from './until-changed-cache';

/** Above this many matches a search is broad: lists walk their sort index and test rows against it. */
const BROAD = 10_000;

/** Searches remembered at once. */
const CAPACITY = 8;

/** What a full-text search matches (live rows or not), read from the index once. */
export interface SearchHits {
  /** Every match, ascending, when there are at most 10,000 (the matches should drive the query); null for a broad search. */
  readonly few: readonly number[] | null;
  /** The ids among `ids` that the search matches, in their order. */
  among(ids: readonly number[]): number[];
  /** Every match, ascending (a broad search reads them all on first use). */
  all(): readonly number[];
}

/**
 * Full-text matches per search, kept until the database changes, so the pages of one search (and the windows of
 * one page) evaluate it once. (A rowid range does not make FTS5 read less of a prefix or multi-word match, so
 * testing a window against its id range costs as much as reading every match.)
 */
export class SearchHitsCache {
  private readonly cache: UntilChangedCache<SearchHits>;
  private readonly probes = new Map<string, Statement<[string, number]>>();

  constructor(private readonly sqlite: Database) {
    this.cache = new UntilChangedCache(sqlite, CAPACITY);
  }

  /** What `search` matches in `fts`; null when it holds nothing searchable. Run `flushSearchIndex` first. */
  get(fts: 'leads_fts' | 'companies_fts', search: string | undefined): SearchHits | null {
    const match = toMatchExpression(search);
    if (match === null) return null;
    return this.cache.get(`${fts}\n${match}`, () => this.read(this.probeOf(fts), match));
  }

  private read(probe: Statement<[string, number]>, match: string): SearchHits {
    // Reading at most BROAD + 1 first is cheap and, for a narrow search, already everything.
    const first = probe.pluck().all(match, BROAD + 1) as number[];
    let whole: { ids: number[]; has: (id: number) => boolean } | null = null;
    const load = () => (whole ??= bitmapOf(first.length <= BROAD ? first : (probe.pluck().all(match, -1) as number[])));
    return { few: first.length <= BROAD ? first : null, all: () => load().ids, among: (ids) => ids.filter(load().has) };
  }

  private probeOf(fts: string): Statement<[string, number]> {
    let probe = this.probes.get(fts);
    if (!probe) {
      probe = this.sqlite.prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? LIMIT ?`);
      this.probes.set(fts, probe);
    }
    return probe;
  }
}

function bitmapOf(ids: number[]): { ids: number[]; has: (id: number) => boolean } {
  const bits = new Uint8Array(((ids.at(-1) ?? 0) >> 3) + 1);
  for (const id of ids) bits[id >> 3] = (bits[id >> 3] ?? 0) | (1 << (id & 7));
  return { ids, has: (id) => ((bits[id >> 3] ?? 0) & (1 << (id & 7))) !== 0 };
}
