import type { z } from 'zod';

/** What a list screen keeps in the URL: its filter and its sort. */
export interface ListView<F, S> {
  readonly filter: F;
  readonly sort: S;
}

/** The `#/area?f=…&s=…` hash for a filtered, sorted view; a view with an empty filter still names its sort. */
export function viewToHash<F extends object, S extends { field: string; direction: string }>(area: string, view: ListView<F, S>): string {
  const params = new URLSearchParams();
  const filter = compactFilter(view.filter);
  if (Object.keys(filter).length > 0) params.set('f', JSON.stringify(filter));
  params.set('s', `${view.sort.field}.${view.sort.direction}`);
  return `#/${area}?${params.toString()}`;
}

/** The view a hash holds, or undefined when it holds none; parts that fail their schema are dropped rather than trusted. */
export function viewFromHash<F, S>(hash: string, filterSchema: z.ZodType<F>, sortSchema: z.ZodType<S>): Partial<ListView<F, S>> | undefined {
  const query = hash.split('?')[1];
  if (query === undefined) return undefined;
  const params = new URLSearchParams(query);
  const view: { filter?: F; sort?: S } = {};
  const f = params.get('f');
  if (f !== null) {
    const parsed = filterSchema.safeParse(parseJson(f));
    if (parsed.success) view.filter = parsed.data;
  }
  const [field, direction] = (params.get('s') ?? '').split('.');
  const sort = sortSchema.safeParse({ field, direction });
  if (sort.success) view.sort = sort.data;
  return view.filter === undefined && view.sort === undefined ? undefined : view;
}

/** The filter without fields that do not filter anything (undefined, blank text, empty lists, `any`). */
export function compactFilter<F extends object>(filter: F): Partial<F> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => isActive(value))) as Partial<F>;
}

/** True when a filter value narrows the list. */
export const isActive = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== 'any' && !(typeof value === 'string' && value.trim() === '') && !(Array.isArray(value) && value.length === 0);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
