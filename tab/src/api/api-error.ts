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

/** Status 0 marks failures that never got an HTTP answer (network, sign-in). */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  const detail = error instanceof Error ? error.message : String(error);
  return { type: 'about:blank', title: 'Something went wrong', status: 0, detail };
}
