import { promptStatusSchema, type PromptStatus } from '../../../src/contracts/prompts.js';

/** What the library search asks for; empty strings mean "any". */
export interface LibraryFilters {
  readonly q: string;
  readonly jobFamily: string;
  readonly task: string;
  readonly tag: string;
  readonly status: PromptStatus;
  /** Only the caller's own prompts (`owner=me`). */
  readonly mine: boolean;
}

export const defaultLibraryFilters: LibraryFilters = {
  q: '',
  jobFamily: '',
  task: '',
  tag: '',
  status: 'published',
  mine: false,
};

export const libraryPageSize = 20;

/** Reads filters from a deep link's query string (`#/library?task=t1`), ignoring what it cannot use. */
export function filtersFromQuery(query: string | undefined): LibraryFilters {
  const params = new URLSearchParams(query ?? '');
  const text = (name: string): string => params.get(name)?.trim() ?? '';
  const status = promptStatusSchema.safeParse(params.get('status'));
  return {
    q: text('q'),
    jobFamily: text('jobFamily'),
    task: text('task'),
    tag: text('tag').toLowerCase(),
    status: status.success ? status.data : defaultLibraryFilters.status,
    mine: params.get('owner') === 'me',
  };
}

function filterParams(filters: LibraryFilters): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string): void => {
    const trimmed = value.trim();
    if (trimmed !== '') params.set(name, trimmed);
  };
  set('q', filters.q);
  set('jobFamily', filters.jobFamily);
  set('task', filters.task);
  set('tag', filters.tag.toLowerCase());
  // Published is what the API returns without a status, so links stay short.
  if (filters.status !== defaultLibraryFilters.status) params.set('status', filters.status);
  if (filters.mine) params.set('owner', 'me');
  return params;
}

/** The query string for a deep link to these filters: only what differs from the defaults. */
export function filtersToQuery(filters: LibraryFilters): string {
  return filterParams(filters).toString();
}

/** `GET /api/prompts` for the first page of results. */
export function promptSearchPath(filters: LibraryFilters, limit = libraryPageSize): string {
  const params = filterParams(filters);
  params.set('limit', String(limit));
  return `/api/prompts?${params.toString()}`;
}

/** Whether any filter narrows the results, so the empty state can suggest clearing them. */
export function isFiltered(filters: LibraryFilters): boolean {
  return filtersToQuery(filters) !== '';
}
