import { useEffect, useState } from 'react';
import { peoplePageSchema, type PersonSummary } from '../../../src/contracts/people.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';

export interface PeopleSearch {
  /** The latest answer's people, kept while a newer search runs so the list does not flicker. */
  readonly people: readonly PersonSummary[];
  readonly pending: boolean;
  readonly problem: Problem | undefined;
}

/** A picker shows a handful; typing more narrows it. */
const resultLimit = 10;

/** `GET /api/people` for people whose name or email contains the text typed. */
export function peopleSearchPath(query: string): string {
  const params = new URLSearchParams({ limit: String(resultLimit) });
  if (query.trim() !== '') params.set('q', query.trim());
  return `/api/people?${params.toString()}`;
}

interface Settled {
  readonly path: string;
  readonly people: readonly PersonSummary[];
  readonly problem: Problem | undefined;
}

/** Searches the roster while the picker is open; an answer to an older query is dropped. */
export function usePeopleSearch(client: ApiClient, query: string, enabled: boolean): PeopleSearch {
  const [settled, setSettled] = useState<Settled | undefined>(undefined);
  const path = peopleSearchPath(query);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    client.get(path, peoplePageSchema).then(
      (page) => {
        if (current) setSettled({ path, people: page.items, problem: undefined });
      },
      (error: unknown) => {
        if (current) setSettled({ path, people: [], problem: toProblem(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [client, path, enabled]);

  return {
    people: settled?.people ?? [],
    pending: enabled && settled?.path !== path,
    problem: settled?.path === path ? settled.problem : undefined,
  };
}
