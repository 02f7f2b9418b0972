import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from './api-client.js';
import { toProblem } from './api-error.js';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'success'; readonly data: T }
  | { readonly status: 'error'; readonly problem: Problem };

export interface ApiQuery<T> {
  readonly state: QueryState<T>;
  retry(): void;
}

interface Settled<T> {
  readonly client: ApiClient;
  readonly path: string;
  readonly attempt: number;
  readonly state: QueryState<T>;
}

/**
 * GETs `path` whenever the client (who is calling) or the path changes. An answer that arrives
 * after the caller moved on is dropped rather than aborted, so no request shows up as failed.
 */
export function useApiQuery<T>(client: ApiClient, path: string, schema: z.ZodType<T>): ApiQuery<T> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | undefined>(undefined);

  useEffect(() => {
    let current = true;
    const settle = (state: QueryState<T>): void => {
      if (current) setSettled({ client, path, attempt, state });
    };
    client.get(path, schema).then(
      (data) => settle({ status: 'success', data }),
      (error: unknown) => settle({ status: 'error', problem: toProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, path, schema, attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  const fresh = settled?.client === client && settled.path === path && settled.attempt === attempt;
  return { state: fresh ? settled.state : { status: 'loading' }, retry };
}
