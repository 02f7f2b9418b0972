import { useEffect, useState } from 'react';
import { promptPageSchema, promptViewSchema } from '../../../src/contracts/prompts.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { ApiClient } from '../api/api-client.js';
import { toProblem } from '../api/api-error.js';

export interface PromptChoice {
  readonly id: string;
  readonly title: string;
}

export interface PromptSearch {
  /** The latest answer's prompts, kept while a newer search runs so the list does not flicker. */
  readonly prompts: readonly PromptChoice[];
  readonly pending: boolean;
  readonly problem: Problem | undefined;
}

const resultLimit = 10;

/** `GET /api/prompts` for published prompts matching the words typed. */
export function promptChoicesPath(query: string): string {
  const params = new URLSearchParams({ status: 'published', limit: String(resultLimit) });
  if (query.trim() !== '') params.set('q', query.trim());
  return `/api/prompts?${params.toString()}`;
}

interface Settled {
  readonly path: string;
  readonly prompts: readonly PromptChoice[];
  readonly problem: Problem | undefined;
}

/** Searches published prompts while the picker is open; an answer to an older query is dropped. */
export function usePromptSearch(client: ApiClient, query: string, enabled: boolean): PromptSearch {
  const [settled, setSettled] = useState<Settled | undefined>(undefined);
  const path = promptChoicesPath(query);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    client.get(path, promptPageSchema).then(
      (page) => {
        const prompts = page.items.map(({ id, title }) => ({ id, title }));
        if (current) setSettled({ path, prompts, problem: undefined });
      },
      (error: unknown) => {
        if (current) setSettled({ path, prompts: [], problem: toProblem(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [client, path, enabled]);

  return {
    prompts: settled?.prompts ?? [],
    pending: enabled && settled?.path !== path,
    problem: settled?.path === path ? settled.problem : undefined,
  };
}

/**
 * The title of a prompt a lesson already links to, read once. A prompt that can no longer be read
 * (retired, deleted) is named by its id.
 */
export function usePromptTitle(
  client: ApiClient,
  promptId: string,
  known: readonly PromptChoice[],
): string | undefined {
  const [titles, setTitles] = useState<Readonly<Record<string, string>>>({});
  const listed = known.find((prompt) => prompt.id === promptId)?.title;
  const needed = promptId !== '' && listed === undefined && titles[promptId] === undefined;

  useEffect(() => {
    if (!needed) return;
    let current = true;
    const remember = (title: string): void => {
      if (current) setTitles((previous) => ({ ...previous, [promptId]: title }));
    };
    client.get(`/api/prompts/${encodeURIComponent(promptId)}`, promptViewSchema).then(
      (prompt) => remember(prompt.title),
      () => remember(promptId),
    );
    return () => {
      current = false;
    };
  }, [client, promptId, needed]);

  if (promptId === '') return undefined;
  return listed ?? titles[promptId];
}
