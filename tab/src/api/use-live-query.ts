import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from './api-client.js';
import { toProblem } from './api-error.js';

export interface LiveQuery<T> {
  /** The latest answer; kept while the next one is fetched, and after a failed refresh. */
  readonly data: T | undefined;
  /** Why the latest fetch failed; cleared by the next answer. */
  readonly problem: Problem | undefined;
  /** Fetches again now. */
  refresh(): void;
}

interface Settled<T> {
  readonly client: ApiClient;
  readonly path: string;
  readonly data: T | undefined;
  readonly problem: Problem | undefined;
}

/**
 * GETs `path`, then again every `everyMs` while the page is visible, and at once when it becomes
 * visible again: a hidden tab (another Teams app in front) costs the server nothing. The previous
 * answer stays on screen while the next is fetched, so figures change in place.
 */
export function useLiveQuery<T>(
  client: ApiClient,
  path: string,
  schema: z.ZodType<T>,
  everyMs: number,
): LiveQuery<T> {
  const [settled, setSettled] = useState<Settled<T> | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stopped = false;
    let inFlight = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (): void => {
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(poll, everyMs);
    };
    const load = (): void => {
      if (inFlight) return;
      inFlight = true;
      client
        .get(path, schema)
        .then(
          (data) => {
            if (!stopped) setSettled({ client, path, data, problem: undefined });
          },
          (error: unknown) => {
            if (stopped) return;
            setSettled((previous) => ({
              client,
              path,
              data:
                previous?.client === client && previous.path === path ? previous.data : undefined,
              problem: toProblem(error),
            }));
          },
        )
        .finally(() => {
          inFlight = false;
          schedule();
        });
    };
    function poll(): void {
      if (document.visibilityState === 'visible') load();
      else schedule();
    }
    const onVisibility = (): void => {
      if (document.visibilityState === 'visible') load();
    };
    load();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [client, path, schema, everyMs, attempt]);

  const refresh = useCallback(() => setAttempt((value) => value + 1), []);
  const fresh = settled?.client === client && settled.path === path;
  return {
    data: fresh ? settled.data : undefined,
    problem: fresh ? settled.problem : undefined,
    refresh,
  };
}
