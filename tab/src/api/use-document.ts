import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from './api-client.js';
import { toProblem } from './api-error.js';

/** One document and the `ETag` header its next edit must send as `If-Match`. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string | undefined;
}

export type DocumentState<T> =
  | { readonly status: 'loading' }
  | ({ readonly status: 'success' } & Versioned<T>)
  | { readonly status: 'error'; readonly problem: Problem };

export interface DocumentQuery<T> {
  readonly state: DocumentState<T>;
  reload(): void;
  /** Shows a version the tab already has (the answer to an edit, or the latest after a 412). */
  replace(next: Versioned<T>): void;
}

interface Held<T> {
  readonly key: string;
  readonly state: DocumentState<T>;
}

/** GETs one editable document with its ETag; a changed path or caller starts again. */
export function useDocument<T>(
  client: ApiClient,
  path: string,
  schema: z.ZodType<T>,
): DocumentQuery<T> {
  const [attempt, setAttempt] = useState(0);
  const [held, setHeld] = useState<Held<T> | undefined>(undefined);
  const [heldClient, setHeldClient] = useState(client);
  const key = `${attempt}:${path}`;

  if (heldClient !== client) {
    setHeldClient(client);
    setHeld(undefined);
  }

  useEffect(() => {
    let current = true;
    client.send('GET', path, undefined, schema).then(
      (sent) => {
        if (current) setHeld({ key, state: { status: 'success', ...sent } });
      },
      (error: unknown) => {
        if (current) setHeld({ key, state: { status: 'error', problem: toProblem(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [client, path, schema, key]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  const replace = useCallback(
    (next: Versioned<T>) => setHeld({ key, state: { status: 'success', ...next } }),
    [key],
  );
  const state: DocumentState<T> =
    held?.key === key && heldClient === client ? held.state : { status: 'loading' };
  return { state, reload, replace };
}
