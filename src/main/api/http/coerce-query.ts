import { z } from 'zod';

const unwrap = (schema: z.ZodType): z.ZodType => {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
};

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Query strings carry only text: turn numeric text into numbers where the input schema expects a number, nothing else. */
export function coerceQuery(schema: z.ZodObject, query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    const field = schema.shape[key] as z.ZodType | undefined;
    const wantsNumber = field !== undefined && unwrap(field) instanceof z.ZodNumber;
    out[key] = wantsNumber && typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value;
  }
  return out;
}
