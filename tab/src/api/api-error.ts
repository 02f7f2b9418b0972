import type { Problem } from '../../../src/contracts/problem.js';

/** A failed API call, always described as problem details so the UI has one shape to show. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

/**
 * A 412: someone changed the document since the caller read it. The server sends the latest version
 * (`current`) and its ETag, so the UI can show what changed and let the user reload or re-apply.
 */
export class StaleEditError<T> extends ApiError {
  /** The latest version, parsed with the schema of the request's answer; absent if unreadable. */
  readonly current: T | undefined;
  /** The latest version's `ETag` header, to send as `If-Match` when re-applying. */
  readonly etag: string | undefined;

  constructor(problem: Problem, current: T | undefined, etag: string | undefined) {
    super(problem);
    this.name = 'StaleEditError';
    this.current = current;
    this.etag = etag;
  }
}

/** Status 0 marks failures that never got an HTTP answer (network, sign-in). */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  const detail = error instanceof Error ? error.message : String(error);
  return { type: 'about:blank', title: 'Something went wrong', status: 0, detail };
}
