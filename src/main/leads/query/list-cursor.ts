import { ApiError } from '../../api/api-error';

/** Where a keyset page ends: the last row's sort value and id. */
export interface Cursor {
  readonly value: string | number | null;
  readonly id: number;
}

/** The opaque text of a cursor: base64url JSON of the sort it belongs to, the value and the id. */
export function encodeCursor(sortKey: string, cursor: Cursor): string {
  return Buffer.from(JSON.stringify([sortKey, cursor.value, cursor.id])).toString('base64url');
}

/** Reads a cursor made by `encodeCursor` for the same sort; anything else is a 400 naming `after`. */
export function decodeCursor(text: string, sortKey: string, valueKind: 'text' | 'number'): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw bad('not a cursor this list returned');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw bad('not a cursor this list returned');
  const [key, value, id] = parsed as unknown[];
  if (key !== sortKey) throw bad('the cursor belongs to another sort; start again without `after`');
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw bad('not a cursor this list returned');
  const valueOk = value === null || (valueKind === 'text' ? typeof value === 'string' : typeof value === 'number' && Number.isFinite(value));
  if (!valueOk) throw bad('not a cursor this list returned');
  return { value: value as Cursor['value'], id };
}

const bad = (why: string) => new ApiError('bad_request', `after: ${why}`, [{ path: 'after', message: why }]);
