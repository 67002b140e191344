/** The `after` cursor of every page from the first to the current one; the first page has none. */
export type CursorStack = readonly (number | undefined)[];

/** The stack when on the first page. */
export const firstPage: CursorStack = [undefined];

/** The cursor that loads the current page. */
export const currentCursor = (stack: CursorStack): number | undefined => stack.at(-1);

/** The stack after moving to the page that starts after `nextCursor`. */
export const forward = (stack: CursorStack, nextCursor: number): CursorStack => [...stack, nextCursor];

/** The stack after moving back one page (the first page stays put). */
export const back = (stack: CursorStack): CursorStack => (stack.length > 1 ? stack.slice(0, -1) : stack);
