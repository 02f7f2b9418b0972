import type { z } from 'zod';
import { invalidFromZod } from './problem.js';

/** Parses a part of the request with its schema, or throws `invalid` naming each field at fault. */
export function parseRequest<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidFromZod(result.error, where);
  return result.data;
}
