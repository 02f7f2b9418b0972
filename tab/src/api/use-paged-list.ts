import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from './api-client.js';
import { toProblem } from './api-error.js';
import { withContinuation } from './paging.js';

export interface Page<T> {
  readonly items: readonly T[];
  readonly continuationToken?: string | undefined;
}

export type PagedListStatus = 'loading' | 'success' | 'error';

export interface PagedList<T> {
  readonly status: PagedListStatus;
  readonly items: readonly T[];
  /** Why the first page failed. */
  readonly problem: Problem | undefined;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  /** Why the last "load more" failed; the items already shown stay. */
  readonly moreProblem: Problem | undefined;
  loadMore(): void;
  /** Starts again from the first page (after a change elsewhere, or to retry). */
  reload(): void;
  /** Changes the items shown without asking the server, e.g. after editing one of them. */
  patch(change: (items: readonly T[]) => readonly T[]): void;
}

interface ListState<T> {
  readonly key: string;
  readonly status: PagedListStatus;
  readonly items: readonly T[];
  readonly token: string | undefined;
  readonly problem: Problem | undefined;
  readonly loadingMore: boolean;
  readonly moreProblem: Problem | undefined;
}

function loading<T>(key: string): ListState<T> {
  return {
    key,
    status: 'loading',
    items: [],
    token: undefined,
    problem: undefined,
    loadingMore: false,
    moreProblem: undefined,
  };
}

/**
 * A list the API pages with continuation tokens: the first page loads whenever the path changes,
 * later pages on request. Answers for a path the caller has moved away from are dropped.
 */
export function usePagedList<T>(
  client: ApiClient,
  path: string,
  schema: z.ZodType<Page<T>>,
): PagedList<T> {
  const [attempt, setAttempt] = useState(0);
  const key = `${attempt}:${path}`;
  const [state, setState] = useState<ListState<T>>(() => loading(key));
  const [stateClient, setStateClient] = useState(client);

  // A new path, attempt or caller starts over (state adjusted while rendering, as React advises).
  const stale = state.key !== key || stateClient !== client;
  if (stale) {
    setState(loading(key));
    setStateClient(client);
  }

  useEffect(() => {
    let current = true;
    client.get(path, schema).then(
      (page) => {
        if (!current) return;
        setState((previous) =>
          previous.key === key
            ? {
                ...previous,
                status: 'success',
                items: page.items,
                token: page.continuationToken,
              }
            : previous,
        );
      },
      (error: unknown) => {
        if (!current) return;
        setState((previous) =>
          previous.key === key
            ? { ...previous, status: 'error', problem: toProblem(error) }
            : previous,
        );
      },
    );
    return () => {
      current = false;
    };
  }, [client, path, schema, key]);

  const token = state.token;
  const loadMore = useCallback(() => {
    if (token === undefined) return;
    setState((previous) => ({ ...previous, loadingMore: true, moreProblem: undefined }));
    client.get(withContinuation(path, token), schema).then(
      (page) =>
        setState((previous) =>
          previous.key === key && previous.token === token
            ? {
                ...previous,
                items: [...previous.items, ...page.items],
                token: page.continuationToken,
                loadingMore: false,
              }
            : previous,
        ),
      (error: unknown) =>
        setState((previous) =>
          previous.key === key
            ? { ...previous, loadingMore: false, moreProblem: toProblem(error) }
            : previous,
        ),
    );
  }, [client, path, schema, key, token]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  const patch = useCallback(
    (change: (items: readonly T[]) => readonly T[]) =>
      setState((previous) => ({ ...previous, items: change(previous.items) })),
    [],
  );

  const shown = stale ? loading<T>(key) : state;
  return {
    status: shown.status,
    items: shown.items,
    problem: shown.problem,
    hasMore: shown.token !== undefined,
    loadingMore: shown.loadingMore,
    moreProblem: shown.moreProblem,
    loadMore,
    reload,
    patch,
  };
}
