/** One page as the list methods return it: `total` comes with the first page only. */
export interface KeysetPage<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
  readonly total?: number | null;
}

/** Every row loaded so far for one filter and sort, and where the next page starts. */
export interface KeysetList<T> {
  /** The filter and sort the rows belong to; a new key means a new list, so the table scrolls back to the top. */
  readonly key: string;
  readonly items: readonly T[];
  /** null once the last page is in. */
  readonly nextCursor: string | null;
  /** How many rows match, from the first page or a separate count; undefined until it arrives. */
  readonly total: number | undefined;
}

/** The list before its first page. */
export const emptyList = <T>(): KeysetList<T> => ({ key: '', items: [], nextCursor: null, total: undefined });

/**
 * The list after its first page (a fresh load or a refresh, replacing whatever was there). Without a total on the
 * page, a one-page list counts its rows; a longer one keeps `total` undefined until a separate count arrives.
 */
export const firstPageLoaded = <T>(key: string, page: KeysetPage<T>): KeysetList<T> => ({
  key,
  items: page.items,
  nextCursor: page.nextCursor,
  total: page.total ?? (page.nextCursor === null ? page.items.length : undefined),
});

// An edit while paging can move a row past the cursor; it then shows up again within the last pages, so only those are checked.
const RECENT = 2000;

/** The list with the next page appended; a row already among the recent ones (moved by a concurrent edit) is not repeated. */
export function pageAppended<T extends { id: number }>(list: KeysetList<T>, page: KeysetPage<T>): KeysetList<T> {
  const seen = new Set(list.items.slice(-RECENT).map((item) => item.id));
  const fresh = page.items.filter((item) => !seen.has(item.id));
  return { ...list, items: [...list.items, ...fresh], nextCursor: page.nextCursor };
}
