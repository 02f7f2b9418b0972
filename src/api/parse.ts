import type { Request } from 'express';
import type { z } from 'zod';
import { AppError, isAppError } from '../domain/errors.js';
import { invalidFromZod } from './problem.js';

/** Parses a part of the request with its schema, or throws `invalid` naming each field at fault. */
export function parseRequest<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const broken = brokenTextAt(value);
  if (broken !== undefined) {
    throw new AppError('invalid', `The ${where} is not valid`, {
      fieldErrors: [
        {
          field: broken.length === 0 ? where : broken.join('.'),
          message: 'is not valid Unicode text (it has a lone surrogate)',
        },
      ],
    });
  }
  const result = schema.safeParse(value);
  if (!result.success) throw invalidFromZod(result.error, where);
  return result.data;
}

/**
 * The parsed JSON body, or `absent` when the request has no body. A body in another format is
 * refused rather than read as none, so it cannot pass for an empty request.
 */
export function jsonBodyOr(req: Request, absent: unknown): unknown {
  if (req.body !== undefined) return req.body;
  const length = req.get('content-length');
  const hasBody =
    req.get('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
  if (!hasBody) return absent;
  throw new AppError('invalid', 'Send the body as JSON', {
    fieldErrors: [{ field: 'Content-Type', message: 'must be application/json' }],
  });
}

// JSON can carry half of a UTF-16 pair (`"\ud800"`): not text, and not storable as UTF-8.
const loneSurrogate = /\p{Cs}/u;

interface Visit {
  readonly value: unknown;
  readonly parent: number;
  readonly key: string | number;
}

/**
 * Where the first string or key with a lone surrogate is, as a path; undefined when all text is
 * well formed. Iterative, so deeply nested input cannot exhaust the stack.
 */
function brokenTextAt(value: unknown): (string | number)[] | undefined {
  const visits: Visit[] = [{ value, parent: -1, key: '' }];
  const pathTo = (index: number, last?: string): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let at = index; at > 0; at = visits[at]?.parent ?? 0) {
      const visit = visits[at];
      if (visit !== undefined) path.unshift(visit.key);
    }
    return path;
  };
  for (let index = 0; index < visits.length; index += 1) {
    const current = visits[index]?.value;
    if (typeof current === 'string') {
      if (loneSurrogate.test(current)) return pathTo(index);
    } else if (Array.isArray(current)) {
      current.forEach((item: unknown, position) => {
        visits.push({ value: item, parent: index, key: position });
      });
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        if (loneSurrogate.test(key)) return pathTo(index, key);
        visits.push({ value: item, parent: index, key });
      }
    }
  }
  return undefined;
}

/**
 * Reads a page with the client's continuation token: when the store refuses the read, the token
 * (opaque to the schema) is the field at fault.
 */
export async function withContinuationToken<T>(
  token: string | undefined,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (token === undefined || !isAppError(error, 'invalid')) throw error;
    throw new AppError('invalid', 'The continuation token is not valid', {
      fieldErrors: [{ field: 'continuationToken', message: 'use the token of the previous page' }],
    });
  }
}
