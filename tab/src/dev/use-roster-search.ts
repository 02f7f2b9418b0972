import { useEffect, useState } from 'react';
import { peoplePageSchema, type PersonSummary } from '../../../src/contracts/people.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';
import { rosterSearchPath } from './dev-session.js';

export interface RosterSearch {
  /** The latest answer's people, kept while a newer search runs so the list does not flicker. */
  readonly people: readonly PersonSummary[];
  readonly pending: boolean;
  readonly problem: Problem | undefined;
}

interface Settled {
  readonly path: string;
  readonly people: readonly PersonSummary[];
  readonly problem: Problem | undefined;
}

const typingPauseMs = 200;

/** Searches the demo roster once typing pauses; an answer to an older query is dropped. */
export function useRosterSearch(client: ApiClient, query: string, enabled: boolean): RosterSearch {
  const [settled, setSettled] = useState<Settled | undefined>(undefined);
  const path = rosterSearchPath(query);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = setTimeout(() => {
      client.get(path, peoplePageSchema).then(
        (page) => {
          if (current) setSettled({ path, people: page.items, problem: undefined });
        },
        (error: unknown) => {
          if (current) setSettled({ path, people: [], problem: toProblem(error) });
        },
      );
    }, typingPauseMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, path, enabled]);

  return {
    people: settled?.people ?? [],
    pending: enabled && settled?.path !== path,
    problem: settled?.path === path ? settled.problem : undefined,
  };
}
