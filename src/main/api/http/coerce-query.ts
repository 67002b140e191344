import { z } from 'zod';
import { ApiError } from '../api-error';

const unwrap = (schema: z.ZodType): z.ZodType => {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
};

const NUMERIC = /^-?\d+(\.\d+)?$/;

const parseJson = (key: string, text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('bad_request', `${key}: expected JSON in the query string`, [{ path: key, message: 'expected JSON in the query string' }]);
  }
};

/**
 * Query strings carry only text: numeric text becomes a number where the input schema expects a number,
 * and an object or array field (a filter) travels as JSON text; nothing else is converted.
 */
export function coerceQuery(schema: z.ZodObject, query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    const field = schema.shape[key] as z.ZodType | undefined;
    const inner = field === undefined ? undefined : unwrap(field);
    if (typeof value === 'string' && inner instanceof z.ZodNumber && NUMERIC.test(value)) out[key] = Number(value);
    else if (typeof value === 'string' && (inner instanceof z.ZodObject || inner instanceof z.ZodArray)) out[key] = parseJson(key, value);
    else out[key] = value;
  }
  return out;
}
